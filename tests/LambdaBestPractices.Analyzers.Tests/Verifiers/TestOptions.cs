using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Verifiers;

/// <summary>
/// <c>.editorconfig</c> and global options as the driver hands them to an analyzer: global values, and each file's values
/// chosen by a function of its tree (the same values for every file unless told otherwise). Additional files get none: no
/// rule reads them.
/// </summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Func<SyntaxTree, AnalyzerConfigOptions> _perFile;

    public TestOptionsProvider(AnalyzerConfigOptions? global = null, Func<SyntaxTree, AnalyzerConfigOptions>? perFile = null)
    {
        GlobalOptions = global ?? TestOptions.None;
        _perFile = perFile ?? (_ => TestOptions.None);
    }

    /// <summary>The same <paramref name="file"/> values for every file.</summary>
    public TestOptionsProvider(AnalyzerConfigOptions global, AnalyzerConfigOptions file)
        : this(global, _ => file)
    {
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perFile(tree);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.None;
}

/// <summary>One set of option values, keys compared as the compiler compares them (<see cref="AnalyzerConfigOptions.KeyComparer"/>).</summary>
internal sealed class TestOptions : AnalyzerConfigOptions
{
    private readonly ImmutableDictionary<string, string> _values;

    public TestOptions(params (string Key, string Value)[] values) =>
        _values = values.ToImmutableDictionary(v => v.Key, v => v.Value, KeyComparer);

    public static TestOptions None { get; } = new();

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}
