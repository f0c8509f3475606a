# Waiting for Debian's package manager (sourced by setup.sh). apt and dpkg take POSIX record locks on a
# few files; while another apt-get, dpkg or unattended-upgrade holds one (a fresh cloud machine
# upgrades itself after boot), our apt-get would stop at once with "Could not get lock". apt's own
# `-o DPkg::Lock::Timeout=N` waits only for dpkg's locks, not for `apt-get update`'s lists lock, and
# under -qq says nothing while it waits: so this waits for all of them first, naming the holder.
# APT_LOCK_WAIT (seconds, default 600) bounds the wait.

APT_LOCK_FILES=(/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock)
apt_wait_limit=${APT_LOCK_WAIT:-600}
apt_wait_start=$SECONDS

# "FILE PID" of the first of apt's lock files that a process holds now; nothing when all are free.
# Read from /proc/locks (no tool needed): entries are "N: [->] POSIX ADVISORY WRITE PID MAJ:MIN:INODE …",
# the device in hex as the kernel numbers it. Locks taken with flock(1) are another kind (FLOCK) that
# apt neither takes nor heeds, so they are left out.
apt_lock_holder() {
  local file dev key pid
  for file in "${APT_LOCK_FILES[@]}"; do
    [ -e "$file" ] || continue
    dev=$((16#$(stat -c %D "$file")))
    key=$(printf '%02x:%02x:%s' $(((dev >> 8) & 0xfff)) $(((dev & 0xff) | ((dev >> 12) & 0xfff00))) "$(stat -c %i "$file")")
    pid=$(awk -v key="$key" '{ if ($2 == "->") next; if (($2 == "POSIX" || $2 == "OFDLCK") && $6 == key) { print $5; exit } }' /proc/locks 2>/dev/null)
    if [ -n "$pid" ]; then
      echo "$file $pid"
      return
    fi
  done
}

# "process 1234 (apt-get install -y foo)": whom a person would look for in `ps`.
apt_describe_process() {
  local pid=$1 args
  if [ "$pid" -le 0 ] 2>/dev/null; then echo "a process (its id is not shown for this kind of lock)"; return; fi
  args=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-100)
  args=${args% }
  echo "process $pid (${args:-no longer running})"
}

# 45 → "45 s", 600 → "10 min", 90 → "1 min 30 s".
apt_duration() {
  local m=$(($1 / 60)) s=$(($1 % 60))
  if [ "$m" -eq 0 ]; then echo "$s s"; elif [ "$s" -eq 0 ]; then echo "$m min"; else echo "$m min $s s"; fi
}

# Seconds of the bound that are left (at least 1).
apt_wait_left() {
  local left=$((apt_wait_limit - (SECONDS - apt_wait_start)))
  echo $((left > 0 ? left : 1))
}

# Returns when no apt or dpkg lock is held; says what it waits for (again when the holder changes);
# exits with a clear message when the bound runs out.
wait_for_package_manager() {
  local holder seen='' file pid
  while holder=$(apt_lock_holder) && [ -n "$holder" ]; do
    read -r file pid <<<"$holder"
    if [ $((SECONDS - apt_wait_start)) -ge "$apt_wait_limit" ]; then
      say "gave up after $(apt_duration "$apt_wait_limit"): the package manager is still busy ($file is held by $(apt_describe_process "$pid"))."
      say "let it finish (or stop it), then run this again; APT_LOCK_WAIT=SECONDS waits longer."
      exit 1
    fi
    if [ "$holder" != "$seen" ]; then
      say "waiting for the package manager: $file is held by $(apt_describe_process "$pid") — another installation or an automatic update; waiting up to $(apt_duration "$(apt_wait_left)") more"
      seen=$holder
    fi
    sleep 2
  done
  [ -z "$seen" ] || say "the package manager is free; going on"
}
