//! Reading exported pipelines (CSV) for the `stallwatch` command line. Host only.
