//! HubSpot: the columns of a deals export (CRM → Deals → Export, or a deals view's "Export
//! view", as `.csv`), with HubSpot's English property labels. Columns not listed here
//! ("Pipeline", "Create Date", "Last Activity Date", "Number of times contacted",
//! "Associated Company", …) are ignored; so is "Last Contacted", which is the last call, email
//! or meeting *logged by our side*, not a reply from the buyer.

use super::columns::{Column, ExportLayout, Field};
use crate::core::model::Crm;

pub const DEALS_EXPORT: ExportLayout = ExportLayout {
    crm: Crm::Hubspot,
    label: "a HubSpot deals export",
    key_prefix: Some("hs"),
    columns: &[
        Column {
            field: Field::RecordId,
            // Older exports call it "Deal ID".
            headers: &["Record ID", "Deal ID"],
        },
        Column {
            field: Field::Name,
            headers: &["Deal Name"],
        },
        Column {
            field: Field::Stage,
            headers: &["Deal Stage"],
        },
        Column {
            field: Field::Amount,
            headers: &["Amount", "Amount in company currency"],
        },
        Column {
            field: Field::Currency,
            headers: &["Currency", "Deal currency code"],
        },
        Column {
            field: Field::CloseDate,
            headers: &["Close Date"],
        },
        Column {
            field: Field::Owner,
            headers: &["Deal owner"],
        },
        Column {
            field: Field::NextStep,
            headers: &["Next step"],
        },
        Column {
            field: Field::Contact,
            // Exports with associations: "Name (email)", several joined with ";".
            headers: &["Associated Contact", "Primary Contact"],
        },
        Column {
            field: Field::StageEntered,
            // hs_v2_date_entered_current_stage (Professional and up).
            headers: &["Date entered current stage"],
        },
        Column {
            field: Field::DaysInStage,
            headers: &["Days in current stage"],
        },
        Column {
            field: Field::LastInbound,
            // hs_sales_email_last_replied: the last reply to a tracked sales email.
            headers: &[
                "Recent Sales Email Replied Date",
                "Last Replied",
                "Last Reply Date",
            ],
        },
        Column {
            field: Field::IsClosed,
            headers: &["Is Deal Closed?", "Is closed"],
        },
        Column {
            field: Field::IsWon,
            headers: &["Is Closed Won", "Is closed won"],
        },
    ],
};
