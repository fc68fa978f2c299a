//! Any bytes given to the session parser: no panic, no hang, and whatever parses
//! survives write → parse unchanged (what kansrijk loads, it can save without loss).
#![no_main]

use kansrijk::session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = session::header_from_ron(text);
    if let Ok(parsed) = session::from_ron(text) {
        let written = session::to_ron(&parsed).expect("a parsed session must serialize");
        let again = session::from_ron(&written).expect("a written session must parse");
        let rewritten = session::to_ron(&again).expect("serialize again");
        // Compare as text: `extra` may hold values (NaN) that are not equal to themselves.
        assert_eq!(written, rewritten, "write → parse → write is not stable");
    }
});
