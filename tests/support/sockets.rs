//! Which sockets a process and its children hold, read from /proc (Linux):
//! each open socket's inode, looked up in the kernel's socket tables. Rapport
//! makes no network access at all, so the app, WebKit's web and network
//! processes, and anything else it starts may hold Unix sockets (D-Bus, X11,
//! their own pipes) and netlink sockets (the kernel telling GLib about
//! network changes), never an Internet one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The kernel's tables of Internet sockets, per network namespace.
pub const INTERNET_TABLES: &[&str] = &[
    "tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6", "icmp", "icmp6",
];

/// Tables of sockets that never leave the machine.
const LOCAL_TABLES: &[&str] = &["unix", "netlink"];

/// A socket table: inode to (local, remote) addresses.
type Table = BTreeMap<u64, (String, String)>;

/// One socket a process held.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Socket {
    pub pid: u32,
    /// The process's name (`comm`).
    pub process: String,
    pub inode: u64,
    /// The table it was found in (`tcp`, `unix`, …), or `unknown`.
    pub table: String,
    /// For an Internet socket, the local address and port as the table
    /// gives them (hex), e.g. `0100007F:1F90`.
    pub local: String,
    pub remote: String,
}

impl Socket {
    pub fn is_local(&self) -> bool {
        LOCAL_TABLES.contains(&self.table.as_str())
    }

    /// The local port of an Internet socket.
    pub fn local_port(&self) -> Option<u16> {
        let (_, port) = self.local.rsplit_once(':')?;
        u16::from_str_radix(port, 16).ok()
    }
}

/// `pid` and every process below it.
pub fn process_tree(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let mut todo = vec![pid];
    while let Some(next) = todo.pop() {
        if found.contains(&next) {
            continue;
        }
        found.push(next);
        let tasks = Path::new("/proc").join(next.to_string()).join("task");
        for task in std::fs::read_dir(tasks).into_iter().flatten().flatten() {
            let children =
                std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            todo.extend(
                children
                    .split_whitespace()
                    .filter_map(|c| c.parse::<u32>().ok()),
            );
        }
    }
    found
}

/// The inodes of the sockets among a process's open files.
pub fn socket_inodes(pid: u32) -> BTreeSet<u64> {
    let fds = Path::new("/proc").join(pid.to_string()).join("fd");
    std::fs::read_dir(fds)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter_map(|target| {
            let target = target.to_string_lossy().into_owned();
            target
                .strip_prefix("socket:[")?
                .strip_suffix(']')?
                .parse()
                .ok()
        })
        .collect()
}

/// The sockets of one table as `process` sees it (its network namespace):
/// inode to (local, remote) addresses.
fn table(pid: u32, name: &str) -> Table {
    let path = Path::new("/proc")
        .join(pid.to_string())
        .join("net")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut rows = BTreeMap::new();
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let inode = match name {
            // "Num RefCount Protocol Flags Type St Inode Path"
            "unix" => fields.get(6),
            // "sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode"
            "netlink" => fields.get(9),
            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode"
            _ => fields.get(9),
        };
        if let Some(inode) = inode.and_then(|i| i.parse::<u64>().ok()) {
            let local = fields.get(1).copied().unwrap_or_default().to_string();
            let remote = fields.get(2).copied().unwrap_or_default().to_string();
            let addresses = if LOCAL_TABLES.contains(&name) {
                (String::new(), String::new())
            } else {
                (local, remote)
            };
            rows.insert(inode, addresses);
        }
    }
    rows
}

/// Every socket `pid` holds, with the table it belongs to.
pub fn sockets_of(pid: u32) -> Vec<Socket> {
    let mut inodes = socket_inodes(pid);
    if inodes.is_empty() {
        return Vec::new();
    }
    let process = std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_string();
    let socket = |inode: u64, table: &str, (local, remote): (String, String)| Socket {
        pid,
        process: process.clone(),
        inode,
        table: table.to_string(),
        local,
        remote,
    };
    let mut found = Vec::new();
    // The file list and the tables are read one after the other, so a socket
    // closed in between is in neither table. Such an inode is looked up again
    // while the process still holds it; one still unknown after that is
    // reported as unknown, never taken for a local one.
    for _ in 0..3 {
        let tables: Vec<(&str, Table)> = INTERNET_TABLES
            .iter()
            .chain(LOCAL_TABLES)
            .map(|name| (*name, table(pid, name)))
            .collect();
        let mut unknown = BTreeSet::new();
        for inode in inodes {
            match tables
                .iter()
                .find_map(|(name, rows)| rows.get(&inode).map(|a| (*name, a.clone())))
            {
                Some((table, addresses)) => found.push(socket(inode, table, addresses)),
                None => {
                    unknown.insert(inode);
                }
            }
        }
        let held = socket_inodes(pid);
        inodes = unknown.intersection(&held).copied().collect();
        if inodes.is_empty() {
            return found;
        }
    }
    found.extend(
        inodes
            .into_iter()
            .map(|inode| socket(inode, "unknown", (String::new(), String::new()))),
    );
    found
}

/// Every socket held by `pid` and the processes below it.
pub fn sockets_of_tree(pid: u32) -> Vec<Socket> {
    process_tree(pid).into_iter().flat_map(sockets_of).collect()
}

/// The sockets that are not local, leaving out what `allowed` accepts.
pub fn network_sockets(sockets: &[Socket], allowed: impl Fn(&Socket) -> bool) -> Vec<Socket> {
    sockets
        .iter()
        .filter(|s| !s.is_local() && !allowed(s))
        .cloned()
        .collect()
}

/// Whether an address from an Internet table (hex, as the kernel prints it)
/// is the loopback interface: 127.0.0.0/8, or ::1 (and ::ffff:127.x).
pub fn is_loopback(address: &str) -> bool {
    let host = address.rsplit_once(':').map_or(address, |(host, _)| host);
    match host.len() {
        // IPv4 in the kernel's byte order: the first octet is the last pair.
        8 => host.ends_with("7F"),
        32 => {
            host == "00000000000000000000000001000000"
                || (host.starts_with("0000000000000000FFFF0000") && host.ends_with("7F"))
        }
        _ => false,
    }
}

/// Watches a set of processes (and everything they start) for the whole of
/// a test, sampling their sockets often enough to see any connection that
/// lives longer than the interval, and keeps every socket it saw.
pub struct SocketWatch {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<Watched>>,
}

/// What a watch saw.
#[derive(Debug, Default)]
pub struct Watched {
    /// Samples that found at least one watched process.
    pub samples_with_processes: usize,
    pub sockets: BTreeSet<Socket>,
}

impl SocketWatch {
    /// `roots` is asked at every sample which processes to watch (their
    /// children are added), so a relaunched app is watched too.
    pub fn start(
        roots: impl Fn() -> Vec<u32> + Send + 'static,
        every: std::time::Duration,
    ) -> SocketWatch {
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut watched = Watched::default();
            while !stopping.load(Ordering::Relaxed) {
                let mut pids: Vec<u32> = roots().into_iter().flat_map(process_tree).collect();
                pids.sort_unstable();
                pids.dedup();
                if !pids.is_empty() {
                    watched.samples_with_processes += 1;
                }
                watched
                    .sockets
                    .extend(pids.into_iter().flat_map(sockets_of));
                std::thread::sleep(every);
            }
            watched
        });
        SocketWatch {
            stop,
            thread: Some(thread),
        }
    }

    pub fn finish(mut self) -> Watched {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread
            .take()
            .map(|t| t.join().expect("the socket watch thread"))
            .unwrap_or_default()
    }
}

impl Drop for SocketWatch {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}
