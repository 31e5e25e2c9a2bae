import Glibc

/// The operating-system user running this process: the ledger's `recordedBy`.
public enum OperatingSystemUser {
    public static func current() -> String {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid-\(uid)"
    }
}
