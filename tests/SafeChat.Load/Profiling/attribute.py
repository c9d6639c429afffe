"""Where SafeChat's CPU samples go: each sample (a stack from `perf script -F comm,ip,sym,dso`) is given to the nearest
frame, from the leaf up, that belongs to a named component (EF Core, Npgsql, JSON, Kestrel, our own code...): the cost
of a library call is the library's, the runtime's work for it (allocation, collection, stubs) goes with it.
Usage: python3 attribute.py stacks.txt [methods shown per component]"""
import collections, re, sys

COMPONENTS = [
    ("EF Core", r"\[Microsoft\.EntityFrameworkCore|\[Npgsql\.EntityFrameworkCore"), ("Npgsql", r"\[Npgsql\]"),
    ("System.Text.Json", r"\[System\.Text\.Json\]"), ("Regex", r"RegularExpressions\]"), ("rate limiter", r"RateLimiting"),
    ("logging", r"\[Microsoft\.Extensions\.Logging"), ("dependency injection", r"DependencyInjection"),
    ("ASP.NET Core / Kestrel", r"\[Microsoft\.AspNetCore"), ("WebSockets", r"\[System\.Net\.WebSockets"),
    ("sockets", r"\[System\.Net\.Sockets|\[System\.Net\.Primitives"), ("SafeChat.Dialogs (engine)", r"\[SafeChat\.Dialogs\]"),
    ("SafeChat.Bot (host)", r"\[SafeChat\.Bot\]"), ("Recognizers", r"Microsoft\.Recognizers"), ("LINQ", r"\[System\.Linq"),
    ("metrics and traces", r"Diagnostics\.DiagnosticSource|OpenTelemetry"),
]


def samples(path):
    current = []
    for line in open(path, errors="ignore"):
        if not line.strip():
            if current: yield current
            current = []
        elif line[0] not in " \t":
            if current: yield current
            current = []
        else:
            parts = line.strip().split(" ", 1)
            current.append(parts[1] if len(parts) > 1 else parts[0])
    if current: yield current


def method(frame):
    found = re.search(r"\] ([\w.`+<>\d,_]+)::([\w<>.`\d_|]+)", frame)
    return f"{found.group(1)}::{found.group(2)}" if found else frame[:100]


def main():
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    totals, methods, count = collections.Counter(), collections.defaultdict(collections.Counter), 0
    for stack in samples(sys.argv[1]):
        count += 1
        owner = next(((name, frame) for frame in stack for name, pattern in COMPONENTS if re.search(pattern, frame)), None)
        if owner is None:
            kernel_only = all("kernel" in f or "vdso" in f for f in stack)
            owner = ("kernel only" if kernel_only else "runtime, thread pool, kernel", stack[0])
        totals[owner[0]] += 1
        methods[owner[0]][method(owner[1])] += 1
    print(f"{count} samples")
    for name, n in totals.most_common():
        print(f"{100 * n / count:5.1f}%  {name}")
        for m, k in methods[name].most_common(shown):
            print(f"          {100 * k / count:4.1f}%  {m[:140]}")


if __name__ == "__main__":
    main()
