//! Danish dates and times as the minutes and their readers write them: "mandag d. 20. marts 2017 kl. 10.00".

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

const WEEKDAYS: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// "20. marts 2017"
pub fn date(d: NaiveDate) -> String {
    format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "mandag d. 20. marts 2017"
pub fn date_long(d: NaiveDate) -> String {
    format!("{} d. {}", WEEKDAYS[d.weekday().num_days_from_monday() as usize], date(d))
}

/// "10.00"
pub fn time(t: NaiveTime) -> String {
    format!("{:02}.{:02}", t.hour(), t.minute())
}

/// "mandag d. 20. marts 2017 kl. 10.00", or without the time when it is unknown.
pub fn when(d: NaiveDate, t: Option<NaiveTime>) -> String {
    match t {
        Some(t) => format!("{} kl. {}", date_long(d), time(t)),
        None => date_long(d),
    }
}

/// `when`, with the end time if the minutes give one: "… kl. 10.00–12.00".
pub fn when_until(d: NaiveDate, start: Option<NaiveTime>, end: Option<NaiveTime>) -> String {
    match (start, end) {
        (Some(_), Some(e)) => format!("{}–{}", when(d, start), time(e)),
        _ => when(d, start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_date_and_time() {
        let d = NaiveDate::from_ymd_opt(2017, 3, 20).unwrap();
        assert_eq!(when(d, NaiveTime::from_hms_opt(10, 0, 0)), "mandag d. 20. marts 2017 kl. 10.00");
        assert_eq!(date_long(NaiveDate::from_ymd_opt(2012, 11, 20).unwrap()), "tirsdag d. 20. november 2012");
        assert_eq!(date(NaiveDate::from_ymd_opt(2013, 1, 6).unwrap()), "6. januar 2013");
        assert_eq!(
            when_until(d, NaiveTime::from_hms_opt(10, 0, 0), NaiveTime::from_hms_opt(12, 30, 0)),
            "mandag d. 20. marts 2017 kl. 10.00–12.30"
        );
    }
}
