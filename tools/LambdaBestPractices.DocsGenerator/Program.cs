// Regenerates the parts of the repository that are derived from the rule descriptors and OptionKeys.
//
//   dotnet run --project tools/LambdaBestPractices.DocsGenerator -c Release              # rewrite what is stale
//   dotnet run --project tools/LambdaBestPractices.DocsGenerator -c Release -- --check   # CI: exit 1 when anything is stale
//
// Generated: the rule table (between <!-- rules --> markers) of README.md and docs/rules/README.md, the options table
// (between <!-- options --> markers) of docs/configuration.md, and the presets
// src/LambdaBestPractices.Analyzers.Package/config/lambda-best-practices.<mode>.globalconfig.
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using LambdaBestPractices.Analyzers;
using LambdaBestPractices.DocsGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

var check = args.Contains("--check");
var root = args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() ?? FindRoot(Environment.CurrentDirectory);
if (root is null)
{
    Console.Error.WriteLine("docs generator: run it inside the repository (no Analyzers.sln above the current directory), or pass --root DIR");
    return 2;
}

var catalog = Catalog.Load();
var outputs = new List<(string Path, Func<string, string> Render)>
{
    ("README.md", text => Markdown.ReplaceBetween(text, "rules", Markdown.RuleTable(catalog, "docs/rules/"))),
    ("docs/rules/README.md", text => Markdown.ReplaceBetween(text, "rules", Markdown.RuleTable(catalog, ""))),
    ("docs/configuration.md", text => Markdown.ReplaceBetween(text, "options", Markdown.OptionTable(catalog))),
};
foreach (var mode in Presets.Modes)
{
    outputs.Add((Presets.RelativePath(mode), _ => Presets.Render(catalog, mode)));
}

var stale = new List<string>();
foreach (var (relative, render) in outputs)
{
    var path = Path.Combine(root, relative);
    var current = File.Exists(path) ? File.ReadAllText(path) : "";
    string expected;
    try
    {
        expected = render(current);
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"{relative}: {e.Message}");
        return 2;
    }

    if (expected == current)
    {
        continue;
    }

    stale.Add(relative);
    if (!check)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, expected);
    }
}

Console.WriteLine($"{catalog.Rules.Length} rules, {catalog.Options.Length} options, {outputs.Count} generated files.");
if (stale.Count == 0)
{
    Console.WriteLine("Everything generated is up to date.");
    return 0;
}

foreach (var file in stale)
{
    Console.WriteLine(check ? $"stale: {file}" : $"updated: {file}");
}

if (check)
{
    Console.WriteLine("Run `dotnet run --project tools/LambdaBestPractices.DocsGenerator -c Release` and commit the result.");
    return 1;
}

return 0;

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}

namespace LambdaBestPractices.DocsGenerator
{
    internal sealed record Rule(string Id, string Title, string Category, DiagnosticSeverity Severity, bool EnabledByDefault, string HelpLink, bool HasCodeFix, ImmutableArray<string> Options);

    internal sealed record Catalog(ImmutableArray<Rule> Rules, ImmutableArray<OptionInfo> Options)
    {
        /// <summary>Every rule of the analyzer assembly (one row per ID) and every option key, read from the built assemblies.</summary>
        public static Catalog Load()
        {
            var analyzerAssembly = typeof(DiagnosticIds).Assembly;
            var fixAssembly = Assembly.Load("LambdaBestPractices.Analyzers.CodeFixes");
            var fixable = Instances<CodeFixProvider>(fixAssembly).SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
            var options = OptionKeys.All;

            var rules = Instances<DiagnosticAnalyzer>(analyzerAssembly)
                .SelectMany(a => a.SupportedDiagnostics)
                .GroupBy(d => d.Id, StringComparer.Ordinal)
                .Select(g =>
                {
                    var d = g.First();
                    var ruleOptions = options.Where(o => o.RuleId == d.Id).Select(o => o.Key).ToImmutableArray();
                    return new Rule(d.Id, d.Title.ToString(), d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.HelpLinkUri, fixable.Contains(d.Id), ruleOptions);
                })
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            return new Catalog(rules, options);
        }

        private static IEnumerable<T> Instances<T>(Assembly assembly) =>
            assembly.GetTypes()
                .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (T)Activator.CreateInstance(t)!);
    }

    internal static class Markdown
    {
        public static string RuleTable(Catalog catalog, string pageDirectory)
        {
            var text = new StringBuilder();
            text.Append("| ID | Category | Title | Default severity | Enabled | Code fix | Options |\n");
            text.Append("| --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var rule in catalog.Rules)
            {
                var options = rule.Options.IsEmpty ? "" : string.Join("<br>", rule.Options.Select(o => $"`{o}`"));
                text.Append($"| [{rule.Id}]({pageDirectory}{rule.Id}.md) | {rule.Category} | {Escape(rule.Title)} | {rule.Severity} | {(rule.EnabledByDefault ? "Yes" : "No")} | {(rule.HasCodeFix ? "Yes" : "No")} | {options} |\n");
            }

            return text.ToString();
        }

        public static string OptionTable(Catalog catalog)
        {
            var text = new StringBuilder();
            text.Append("| Key | Applies to | Values | Default | What it does |\n");
            text.Append("| --- | --- | --- | --- | --- |\n");
            foreach (var option in catalog.Options.OrderBy(o => o.RuleId ?? "", StringComparer.Ordinal).ThenBy(o => o.Key, StringComparer.Ordinal))
            {
                var scope = option.RuleId is null ? "every rule" : $"[{option.RuleId}](rules/{option.RuleId}.md)";
                text.Append($"| `{option.Key}` | {scope} | {Escape(option.Values)} | {Escape(option.DefaultValue)} | {Escape(option.Description)} |\n");
            }

            return text.ToString();
        }

        /// <summary>Replaces what lies between <c>&lt;!-- name --&gt;</c> and <c>&lt;!-- /name --&gt;</c>, keeping the file's line endings.</summary>
        public static string ReplaceBetween(string text, string name, string content)
        {
            var open = $"<!-- {name} -->";
            var close = $"<!-- /{name} -->";
            var start = text.IndexOf(open, StringComparison.Ordinal);
            var end = text.IndexOf(close, StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                throw new InvalidOperationException($"missing the markers {open} ... {close}");
            }

            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var body = newline + content.Replace("\n", newline, StringComparison.Ordinal);
            return text[..(start + open.Length)] + body + text[end..];
        }

        private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
    }

    internal static class Presets
    {
        public static readonly string[] Modes = { "None", "Recommended", "All", "AllAsErrors" };

        public static string RelativePath(string mode) =>
            $"src/LambdaBestPractices.Analyzers.Package/config/lambda-best-practices.{mode.ToLowerInvariant()}.globalconfig";

        public static string Render(Catalog catalog, string mode)
        {
            var text = new StringBuilder();
            text.Append("# Generated by tools/LambdaBestPractices.DocsGenerator from the rule descriptors. Do not edit.\n");
            text.Append($"# <LambdaBestPracticesAnalysisMode>{mode}</LambdaBestPracticesAnalysisMode>: {Describe(mode)}\n");
            text.Append("# global_level -100: any .editorconfig or .globalconfig of your own takes precedence over these lines.\n");
            text.Append("is_global = true\n");
            text.Append("global_level = -100\n");
            foreach (var rule in catalog.Rules)
            {
                var severity = Severity(rule, mode);
                text.Append('\n');
                text.Append($"# {rule.Id}: {rule.Title} ({rule.Category}; default: {(rule.EnabledByDefault ? rule.Severity.ToString().ToLowerInvariant() : "disabled")})\n");
                text.Append(severity is null
                    ? $"# {rule.Id} keeps its default in this mode.\n"
                    : $"dotnet_diagnostic.{rule.Id}.severity = {severity}\n");
            }

            return text.ToString();
        }

        private static string Describe(string mode) => mode switch
        {
            "None" => "every rule off.",
            "Recommended" => "every rule that is enabled by default, as a warning; the others keep their default (off).",
            "All" => "every rule, as a warning, including the rules that are off by default.",
            _ => "every rule, as an error.",
        };

        private static string? Severity(Rule rule, string mode) => mode switch
        {
            "None" => "none",
            "Recommended" => rule.EnabledByDefault ? "warning" : null,
            "All" => "warning",
            _ => "error",
        };
    }
}
