using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// What every rule needs to know about a file from the options: whether it is test code (<see cref="TestProjects"/>; the
/// configuration and security rules stay silent there) and its <c>.editorconfig</c> options. The project-wide test decision
/// is made once per compilation and each file's once, for all rules (part of <see cref="LambdaCompilation"/>). Options that
/// only one rule reads are parsed by that rule, from <see cref="Options"/>.
/// </summary>
internal sealed class CodeSettings
{
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly TextPrefilter _prefilter;
    private readonly bool _projectIsTest;
    private readonly ConcurrentDictionary<SyntaxTree, bool> _isTest = new();

    public CodeSettings(Compilation compilation, AnalyzerConfigOptionsProvider options, TextPrefilter prefilter)
    {
        _options = options;
        _prefilter = prefilter;
        _projectIsTest = TestProjects.IsTestProject(compilation, options);
    }

    /// <summary>The whole project is a test project (its deployment files are fixtures, not what it deploys).</summary>
    public bool ProjectIsTest => _projectIsTest;

    /// <summary>Test code: not deployed, so the configuration and security rules leave it alone.</summary>
    public bool IsTest(SyntaxTree tree) =>
        _isTest.TryGetValue(tree, out var known) ? known : _isTest.GetOrAdd(tree, TestProjects.IsTestCode(tree, _options, _projectIsTest));

    /// <summary>The options of one file (its <c>.editorconfig</c> sections, then the global ones).</summary>
    public AnalyzerConfigOptions Options(SyntaxTree tree) => _options.GetOptions(tree);

    /// <summary>Whether every file declaring <paramref name="type"/> is test code.</summary>
    public bool IsTestOnly(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (!IsTest(reference.SyntaxTree))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether some non-test file declaring <paramref name="type"/> contains one of <paramref name="words"/> (the
    /// compilation's shared <see cref="TextPrefilter"/>). A rule registers nothing for a type when none does.
    /// </summary>
    public bool AnyNonTestFileMentions(INamedTypeSymbol type, WordSet words, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (!IsTest(reference.SyntaxTree) && _prefilter.Mentions(reference.SyntaxTree, words, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
