/// One thing the benchmark times, in each run.
enum Measurement: CaseIterable {
    case storeAppend
    case readBack
    case verify
    case chain
    case ceiling
    case ceilingStoreShaped
    case storeSingle
    case ceilingSingle
    case ceilingSingleStoreShaped
    case ceilingStoreShapedNoSync
    case storeAppendNoSync

    /// What is measured, as the report lists it.
    var title: String {
        switch self {
        case .storeAppend: "store, durable"
        case .readBack: "store read back (forEachEvent)"
        case .verify: "store verify()"
        case .chain: "bare SHA-256 chain loop"
        case .ceiling: "C ceiling: events only, durable"
        case .ceilingStoreShaped: "C + stream link + heads, durable"
        case .ceilingStoreShapedNoSync: "C + stream link + heads, MDB_NOSYNC"
        case .storeAppendNoSync: "store, bulk mode (MDB_NOSYNC)"
        case .storeSingle: "store, one event per write"
        case .ceilingSingle: "C ceiling: one put per commit"
        case .ceilingSingleStoreShaped: "C + stream link + heads, one per commit"
        }
    }
}
