using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using LambdaBestPractices.Analyzers.Rules;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// What the security rules need to know about one syntax tree: whether it is test code (<see cref="TestProjects"/>) and
/// the LBP301 name heuristic configured for it. Read from the options once per tree and cached for the compilation;
/// trees with the same option values share one <see cref="SecretNames"/>.
/// </summary>
internal sealed class SecurityRuleSettings
{
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly bool _projectIsTest;
    private readonly ConcurrentDictionary<SyntaxTree, TreeSettings> _trees = new();
    private readonly ConcurrentDictionary<(string?, string?, string?), SecretNames> _names = new();
    private readonly TextPrefilter _prefilter;

    public SecurityRuleSettings(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        _options = options;
        _prefilter = TextPrefilter.For(compilation);
        _projectIsTest = TestProjects.IsTestProject(compilation, options);
    }

    public TreeSettings For(SyntaxTree tree) => _trees.GetOrAdd(tree, Create);

    /// <summary>
    /// Whether some non-test file declaring <paramref name="type"/> contains one of <paramref name="words"/> (the
    /// compilation's shared <see cref="TextPrefilter"/>). A rule registers nothing for a type when none does.
    /// </summary>
    public bool AnyNonTestFileMentions(INamedTypeSymbol type, WordSet words, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (!For(reference.SyntaxTree).IsTest && _prefilter.Mentions(reference.SyntaxTree, words, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private TreeSettings Create(SyntaxTree tree)
    {
        if (TestProjects.IsTestCode(tree, _options, _projectIsTest))
        {
            return TreeSettings.Test;
        }

        var options = _options.GetOptions(tree);
        var key = (Read(options, SecretNames.SecretTokensOption), Read(options, SecretNames.ExcludedSuffixesOption), Read(options, SecretNames.ExcludedNamesOption));
        var names = key is (null, null, null) ? SecretNames.Default : _names.GetOrAdd(key, static k => SecretNames.Create(k.Item1, k.Item2, k.Item3));
        return new TreeSettings(isTest: false, names);
    }

    private static string? Read(AnalyzerConfigOptions options, string key) => options.TryGetValue(key, out var value) ? value : null;
}

internal sealed class TreeSettings
{
    public static TreeSettings Test => new(isTest: true, SecretNames.Default);

    public TreeSettings(bool isTest, SecretNames names)
    {
        IsTest = isTest;
        Names = names;
    }

    /// <summary>Test code: the security rules stay silent.</summary>
    public bool IsTest { get; }

    public SecretNames Names { get; }
}
