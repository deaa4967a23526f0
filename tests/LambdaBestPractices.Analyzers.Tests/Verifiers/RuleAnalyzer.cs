using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A test host, not a shipped analyzer: the test project is not an analyzer project.
#pragma warning disable RS1036

namespace LambdaBestPractices.Analyzers.Tests;

/// <summary>
/// One rule alone, through the same host as the shipped <see cref="LambdaBestPracticesAnalyzer"/> (the same dispatch, the
/// same bail-out): a rule's tests see its diagnostics and nothing else.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RuleAnalyzer<TRule> : RuleHostAnalyzer
    where TRule : LambdaRule, new()
{
    public RuleAnalyzer()
        : base(new TRule())
    {
    }
}
