//! Any other CRM: a CSV whose headers are the field names of the JSON deal format
//! (docs/deal-format.md), so a pipeline from elsewhere can be scored after renaming columns.

use super::columns::{Column, ExportLayout, Field};
use crate::core::model::Crm;

pub const DEAL_COLUMNS: ExportLayout = ExportLayout {
    crm: Crm::Other,
    label: "a CSV with the deal-format columns (name, stage, …)",
    key_prefix: None,
    columns: &[
        Column {
            field: Field::RecordId,
            headers: &["key", "id"],
        },
        Column {
            field: Field::Name,
            headers: &["name"],
        },
        Column {
            field: Field::Stage,
            headers: &["stage"],
        },
        Column {
            field: Field::Amount,
            headers: &["amount"],
        },
        Column {
            field: Field::Currency,
            headers: &["currency"],
        },
        Column {
            field: Field::CloseDate,
            headers: &["close_date"],
        },
        Column {
            field: Field::Owner,
            headers: &["owner"],
        },
        Column {
            field: Field::NextStep,
            headers: &["next_step"],
        },
        Column {
            field: Field::NextStepDate,
            headers: &["next_step_date"],
        },
        Column {
            field: Field::Contact,
            headers: &["contact"],
        },
        Column {
            field: Field::StageEntered,
            headers: &["stage_entered"],
        },
        Column {
            field: Field::DaysInStage,
            headers: &["days_in_stage"],
        },
        Column {
            field: Field::LastInbound,
            headers: &["last_inbound"],
        },
    ],
};
