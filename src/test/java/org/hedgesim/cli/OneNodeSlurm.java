package org.hedgesim.cli;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Slurm cluster of one node, this machine, living in one folder: its own munge key and
 * socket, its own slurm.conf on free loopback ports, state, spool and logs. Nothing under /etc,
 * /var or /run is read or written, and nothing goes over the network. {@link #close()} stops
 * every daemon it started, and any process left over from its jobs.
 */
final class OneNodeSlurm implements AutoCloseable {

  /** The output of a client command (sinfo, squeue, scontrol ...), stdout and stderr together. */
  record Output(int exit, String text) {}

  private static final List<String> DAEMONS = List.of("munged", "slurmctld", "slurmd");
  private static final List<String> CLIENTS = List.of("sbatch", "squeue", "sinfo", "scontrol", "scancel");

  private final Path dir;
  private final Path conf;
  private final String node;
  private final List<Process> daemons = new ArrayList<>();

  private OneNodeSlurm(Path dir, String node) {
    this.dir = dir;
    this.conf = dir.resolve("slurm.conf");
    this.node = node;
  }

  /**
   * Why a cluster cannot be started here, or null if it can: the daemons must run as root, and
   * munge's and Slurm's programs must be installed.
   */
  static String whyNot() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    id.waitFor(10, TimeUnit.SECONDS);
    if (!uid.equals("0")) return "not root (uid " + uid + "); Slurm's and munge's daemons run as root here";
    List<String> missing = new ArrayList<>();
    for (String program : concat(DAEMONS, CLIENTS)) {
      if (find(program) == null) missing.add(program);
    }
    if (!missing.isEmpty()) {
      return String.join(", ", missing) + " missing (Debian: apt-get install slurm-wlm munge)";
    }
    return null;
  }

  /** Starts munged, slurmctld and slurmd in {@code dir} and waits until the node is idle. */
  static OneNodeSlurm start(Path dir) throws IOException, InterruptedException {
    OneNodeSlurm slurm = new OneNodeSlurm(dir, shortHostName());
    try {
      slurm.startDaemons();
      return slurm;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      slurm.close();
      throw e;
    }
  }

  /** The environment a client command, or the recipe, needs to talk to this cluster. */
  Map<String, String> environment() {
    return Map.of("SLURM_CONF", conf.toString());
  }

  /** Runs a Slurm client command (found as {@link #find} does) against this cluster. */
  Output client(String program, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(find(program));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(environment());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(program + " did not answer within 60 s");
    }
    return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** The last lines of every daemon's log, to explain a failure. */
  String logs() {
    StringBuilder sb = new StringBuilder();
    for (String d : DAEMONS) {
      Path log = dir.resolve("log").resolve(d + ".out");
      try {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        sb.append("--- ").append(log).append('\n');
        lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> sb.append(l).append('\n'));
      } catch (IOException e) {
        sb.append("--- ").append(log).append(": ").append(e.getMessage()).append('\n');
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ starting

  private void startDaemons() throws IOException, InterruptedException {
    for (String sub : List.of("munge", "log", "run", "spool/ctld", "spool/d")) {
      Files.createDirectories(dir.resolve(sub));
    }
    // munged refuses a socket whose folders are not searchable by everyone, or writable by others
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir.resolve("munge"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path key = dir.resolve("munge/munge.key");
    byte[] secret = new byte[1024];
    new SecureRandom().nextBytes(secret);
    Files.write(key, secret);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path socket = dir.resolve("munge/munge.socket.2");
    Process munged = daemon("munged", "--foreground", "--socket=" + socket, "--key-file=" + key,
        "--pid-file=" + dir.resolve("munge/munged.pid"), "--seed-file=" + dir.resolve("munge/munged.seed"),
        "--log-file=" + dir.resolve("log/munged.log"));
    await(() -> Files.exists(socket), munged, 20, "munged to create its socket " + socket);

    int[] ports = freePorts(2);
    Files.writeString(conf, config(socket, ports[0], ports[1]));
    Process ctld = daemon("slurmctld", "-D", "-f", conf.toString());
    Process slurmd = daemon("slurmd", "-D", "-f", conf.toString(), "-N", node);
    await(() -> nodeState().equals("idle"), ctld, 60, "node " + node + " to be idle (sinfo)");
    if (!slurmd.isAlive()) throw new IllegalStateException("slurmd stopped\n" + logs());
  }

  private String config(Path socket, int ctldPort, int slurmdPort) {
    return String.join("\n",
        "# a one-node cluster for SlurmClusterIT (docs/CLUSTER.md, \"Trying the recipe on one machine\")",
        "ClusterName=hedgesim-test",
        "SlurmctldHost=" + node + "(127.0.0.1)",
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        "AuthInfo=socket=" + socket,
        "SlurmctldPort=" + ctldPort,
        "SlurmdPort=" + slurmdPort,
        "StateSaveLocation=" + dir.resolve("spool/ctld"),
        "SlurmdSpoolDir=" + dir.resolve("spool/d"),
        "SlurmctldPidFile=" + dir.resolve("run/slurmctld.pid"),
        "SlurmdPidFile=" + dir.resolve("run/slurmd.pid"),
        "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"),
        "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
        "MailProg=/bin/true",
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core",
        "ReturnToService=2",
        "MpiDefault=none",
        "JobAcctGatherType=jobacct_gather/none",
        "AccountingStorageType=accounting_storage/none",
        "NodeName=" + node + " NodeAddr=127.0.0.1 CPUs=" + Runtime.getRuntime().availableProcessors()
            + " RealMemory=1000 State=UNKNOWN",
        "PartitionName=test Nodes=" + node + " Default=YES MaxTime=INFINITE State=UP",
        "");
  }

  private Process daemon(String program, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(find(program));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("log").resolve(program + ".out").toFile());
    pb.environment().putAll(environment());
    Process p = pb.start();
    daemons.add(p);
    return p;
  }

  private String nodeState() throws IOException, InterruptedException {
    Output o = client("sinfo", "-h", "-n", node, "-o", "%T");
    return o.exit() == 0 ? o.text().trim() : "";
  }

  private interface Check {
    boolean ok() throws IOException, InterruptedException;
  }

  private void await(Check check, Process daemon, int seconds, String what) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!check.ok()) {
      if (!daemon.isAlive()) throw new IllegalStateException("a daemon stopped while waiting for " + what + "\n" + logs());
      if (System.nanoTime() > deadline) throw new IllegalStateException("waited " + seconds + " s for " + what + "\n" + logs());
      Thread.sleep(250);
    }
  }

  // ------------------------------------------------------------------ stopping

  /**
   * Cancels every job of this cluster and waits for them to go, shuts the Slurm daemons down
   * ({@code scontrol shutdown}), stops munged, waits for each to exit (killing it if it will not),
   * and finally kills any process still naming this cluster's folder (a job's task, say).
   */
  @Override
  public void close() {
    boolean shutDown = false;
    try {
      if (daemons.size() >= 2 && daemons.get(1).isAlive()) {
        cancelJobs();
        shutDown = client("scontrol", "shutdown").exit() == 0;
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("OneNodeSlurm: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // the Slurm daemons first (given time to stop on their own), munged last: they need it to
    // authenticate the shutdown
    for (int i = daemons.size() - 1; i >= 0; i--) stop(daemons.get(i).toHandle(), shutDown && i > 0 ? 30 : 0);
    ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
        .forEach(p -> {
          System.out.println("OneNodeSlurm: stopping left-over process " + p.pid() + ": "
              + p.info().commandLine().orElse(""));
          stop(p, 0);
        });
  }

  private void cancelJobs() throws IOException, InterruptedException {
    Output jobs = client("squeue", "-h", "-o", "%A");
    if (jobs.exit() != 0 || jobs.text().isBlank()) return;
    client("scancel", jobs.text().trim().split("\\s+"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && !client("squeue", "-h", "-o", "%A").text().isBlank()) Thread.sleep(250);
  }

  /** Waits {@code grace} seconds for a process to exit, then sends SIGTERM, then SIGKILL. */
  private static void stop(ProcessHandle p, int grace) {
    try {
      if (exited(p, grace)) return;
      p.destroy();
      if (exited(p, 10)) return;
      p.destroyForcibly();
      exited(p, 10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  private static boolean exited(ProcessHandle p, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (p.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
    return !p.isAlive();
  }

  // ------------------------------------------------------------------ this machine

  /**
   * The absolute path of a program: on PATH, or in the sbin folders where Debian puts the daemons
   * (not on a normal user's PATH); null if it is nowhere.
   */
  static String find(String program) {
    List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    folders.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin"));
    for (String f : folders) {
      if (f.isEmpty()) continue;
      Path p = Path.of(f, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toString();
    }
    return null;
  }

  /**
   * The host name up to its first dot ({@code hostname}, no name service asked), the node name
   * slurmd and slurmctld use for this machine.
   */
  private static String shortHostName() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("hostname").redirectErrorStream(true).start();
    String name = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || name.isEmpty()) {
      throw new IllegalStateException("hostname did not give this machine's name: " + name);
    }
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : held) s.close();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
