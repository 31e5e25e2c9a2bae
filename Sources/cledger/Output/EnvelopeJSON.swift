import LedgerStore

/// One envelope as one line of JSON for `cledger export`, fields in a fixed order
/// (docs/event-format.md, "Export"). The payload is base64, as its encoding is binary.
func jsonLine(_ e: Envelope) -> String {
    var fields: [(String, String)] = [
        ("sequence", String(e.sequence)),
        ("streamId", jsonString(e.streamId)),
        ("streamVersion", String(e.streamVersion)),
        ("eventType", jsonString(e.eventType)),
        ("schemaVersion", String(e.schemaVersion)),
        ("recordedAt", jsonString(e.recordedAt.description)),
        ("recordedBy", jsonString(e.recordedBy)),
        ("effectiveDate", jsonString(e.effectiveDate.description)),
        ("actor", "{\"id\":\(jsonString(e.actor.id)),\"role\":\(jsonString(e.actor.role))}"),
    ]
    fields.append(("correlationId", e.correlationId.map(jsonString) ?? "null"))
    fields.append(("causationId", e.causationId.map(jsonString) ?? "null"))
    fields.append(("idempotencyKey", e.idempotencyKey.map(jsonString) ?? "null"))
    fields.append(("commandDigest", e.commandDigest.map { jsonString($0.description) } ?? "null"))
    fields.append(("payloadBase64", jsonString(base64(e.payload))))
    fields.append(("hash", jsonString(e.hash.description)))
    return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
}

/// A JSON string literal.
func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// Standard base64 with padding.
func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out = [UInt8]()
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var i = 0
    while i < bytes.count {
        let b0 = Int(bytes[i])
        let b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0
        let b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
        out.append(alphabet[b0 >> 2])
        out.append(alphabet[(b0 & 3) << 4 | b1 >> 4])
        out.append(i + 1 < bytes.count ? alphabet[(b1 & 15) << 2 | b2 >> 6] : UInt8(ascii: "="))
        out.append(i + 2 < bytes.count ? alphabet[b2 & 63] : UInt8(ascii: "="))
        i += 3
    }
    return String(decoding: out, as: UTF8.self)
}
