//! Salesforce: the columns of an opportunity report exported from Reports → Export →
//! "Details Only" → `.csv` (Lightning and Classic write the same CSV), with the column labels
//! of the standard "Opportunities" report type in English. Columns not listed here ("Account
//! Name", "Probability (%)", "Age", "Created Date", "Fiscal Period", "Type", "Lead Source",
//! "Last Activity" — which is any activity, either side's — …) are ignored.

use super::columns::{Column, ExportLayout, Field};
use crate::core::model::Crm;

pub const OPPORTUNITY_REPORT: ExportLayout = ExportLayout {
    crm: Crm::Salesforce,
    label: "a Salesforce opportunity report export",
    key_prefix: Some("sf"),
    columns: &[
        Column {
            field: Field::RecordId,
            headers: &["Opportunity ID"],
        },
        Column {
            field: Field::Name,
            headers: &["Opportunity Name"],
        },
        Column {
            field: Field::Stage,
            headers: &["Stage"],
        },
        Column {
            field: Field::Amount,
            // Multi-currency orgs can show only the converted amount.
            headers: &["Amount", "Amount (converted)"],
        },
        Column {
            field: Field::Currency,
            // Multi-currency orgs add the currency as its own column next to the amount.
            headers: &["Amount Currency", "Opportunity Currency"],
        },
        Column {
            field: Field::CloseDate,
            headers: &["Close Date"],
        },
        Column {
            field: Field::Owner,
            headers: &["Opportunity Owner", "Owner Name", "Owner Full Name"],
        },
        Column {
            field: Field::NextStep,
            headers: &["Next Step"],
        },
        Column {
            field: Field::Contact,
            // Present in "Opportunities with Contact Roles" style reports.
            headers: &["Primary Contact", "Contact Name", "Contact: Full Name"],
        },
        Column {
            field: Field::StageEntered,
            // The Opportunity field LastStageChangeDate, when added to the report.
            headers: &["Last Stage Change Date"],
        },
        Column {
            field: Field::DaysInStage,
            // Days since the opportunity entered its current stage.
            headers: &["Stage Duration"],
        },
        Column {
            field: Field::IsClosed,
            headers: &["Closed"],
        },
        Column {
            field: Field::IsWon,
            headers: &["Won"],
        },
    ],
};
