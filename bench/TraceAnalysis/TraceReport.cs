using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;

// Reads a .nettrace collected with `dotnet-trace collect --profile dotnet-sampled-thread-time` (bench/profile.sh) and
// reports where the samples under LambdaBestPractices.Analyzers frames go:
//   1. inclusive samples per method of the analyzer assembly;
//   2. per "deepest analyzer method → first method it calls outside the assembly" (self = the method's own code), so a
//      hot spot names both our method and the compiler API doing the work;
//   3. with --expand NAME: the call paths (--depth frames) below the analyzer methods whose name contains NAME.
// Only samples of threads running managed code count (not waiting threads, not GC: GC pauses are measured separately by
// the benchmark's instrumented pass). A sample is ~1 ms of CPU.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: TraceAnalysis TRACE.nettrace [--top 25] [--expand NAME [--depth 3]]");
    return 2;
}

var path = args[0];
var top = 25;
string? expand = null;
var depth = 3;
for (var i = 1; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--top":
            top = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--expand":
            expand = args[i + 1];
            break;
        case "--depth":
            depth = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
    }
}

const string OurModule = "LambdaBestPractices.Analyzers";
var etlx = TraceLog.CreateFromEventPipeDataFile(path);
using var log = new TraceLog(etlx);

var inclusive = new Dictionary<string, int>(StringComparer.Ordinal);
var pairs = new Dictionary<(string Our, string Callee), int>();
var expanded = new Dictionary<string, int>(StringComparer.Ordinal);
var managedSamples = 0;
var ourSamples = 0;
var frames = new List<(string Name, bool Ours)>();
var seen = new HashSet<string>(StringComparer.Ordinal);
foreach (var e in log.Events)
{
    if (e is not ClrThreadSampleTraceData sample || sample.Type != ClrThreadSampleType.Managed)
    {
        continue;
    }

    managedSamples++;
    frames.Clear();
    for (var stack = e.CallStack(); stack is not null; stack = stack.Caller)
    {
        var address = stack.CodeAddress;
        var module = address.ModuleName ?? "";
        frames.Add((Short(address.FullMethodName ?? "?"), module.Equals(OurModule, StringComparison.OrdinalIgnoreCase)));
    }

    // frames[0] is the leaf; the deepest analyzer frame is the first one from the leaf.
    var deepest = frames.FindIndex(f => f.Ours);
    if (deepest < 0)
    {
        continue;
    }

    ourSamples++;
    seen.Clear();
    foreach (var frame in frames.Where(f => f.Ours))
    {
        if (seen.Add(frame.Name))
        {
            inclusive[frame.Name] = inclusive.GetValueOrDefault(frame.Name) + 1;
        }
    }

    var key = (frames[deepest].Name, deepest > 0 ? frames[deepest - 1].Name : "self");
    pairs[key] = pairs.GetValueOrDefault(key) + 1;

    if (expand is not null)
    {
        var anchor = frames.FindIndex(f => f.Ours && f.Name.Contains(expand, StringComparison.Ordinal));
        if (anchor >= 0)
        {
            var below = Enumerable.Range(1, depth).Select(k => anchor - k).Where(k => k >= 0).Select(k => frames[k].Name).ToList();
            var text = frames[anchor].Name + (below.Count == 0 ? " (self)" : " > " + string.Join(" > ", below));
            expanded[text] = expanded.GetValueOrDefault(text) + 1;
        }
    }
}

Console.WriteLine($"{path}: {managedSamples:N0} managed-code samples, {ourSamples:N0} of them with {OurModule} frames on the stack.");
Console.WriteLine();
Console.WriteLine($"Inclusive samples per method of {OurModule} (top {top}):");
Console.WriteLine();
Console.WriteLine("| method | samples | share of ours |");
Console.WriteLine("| --- | ---: | ---: |");
foreach (var (name, count) in inclusive.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine($"| {name} | {count:N0} | {Share(count)} |");
}

Console.WriteLine();
Console.WriteLine($"Deepest {OurModule} method → first method it calls outside it (self = its own code), top {top}:");
Console.WriteLine();
Console.WriteLine("| our method | calls into | samples | share of ours |");
Console.WriteLine("| --- | --- | ---: | ---: |");
foreach (var ((our, callee), count) in pairs.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine($"| {our} | {callee} | {count:N0} | {Share(count)} |");
}

if (expand is not null)
{
    Console.WriteLine();
    Console.WriteLine($"Below methods matching '{expand}' ({depth} frames), top {top}:");
    Console.WriteLine();
    foreach (var (text, count) in expanded.OrderByDescending(p => p.Value).Take(top))
    {
        Console.WriteLine($"{count,7:N0}  {Share(count),7}  {text}");
    }
}

return 0;

string Share(int count) => (ourSamples == 0 ? 0 : count * 100.0 / ourSamples).ToString("F1", CultureInfo.InvariantCulture) + " %";

// Namespace.Type.Method(args) → Type.Method (generic arity and nested-type markers kept).
static string Short(string method)
{
    var paren = method.IndexOf('(', StringComparison.Ordinal);
    var name = paren > 0 ? method[..paren] : method;
    var bracket = name.IndexOf('[', StringComparison.Ordinal);
    var head = bracket > 0 ? name[..bracket] : name;
    var parts = head.Split('.');
    return parts.Length >= 2 ? string.Join('.', parts[^2..]) + (bracket > 0 ? name[bracket..] : "") : name;
}
