using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The one base of every rule's analyzer. It configures the analysis the same way for all of them (concurrent, generated
/// code skipped), reaches the compilation's one <see cref="LambdaCompilation"/> at compilation start, and registers nothing
/// at all when the rule cannot apply (<see cref="AppliesTo"/>: the compilation lacks the Lambda or AWS types the rule
/// matches), so a project without them pays for one symbol table and nothing else. The path rules derive through
/// <see cref="PathRuleAnalyzer"/>.
/// </summary>
public abstract class LambdaRuleAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Whether the rule can report anything in a compilation with these symbols; false registers nothing.</summary>
    private protected abstract bool AppliesTo(LambdaSymbols symbols);

    /// <summary>Registers the rule's actions for a compilation it applies to.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext context, LambdaCompilation compilation);

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = LambdaCompilation.For(context.Compilation);
        if (AppliesTo(compilation.Symbols))
        {
            Start(context, compilation);
        }
    }
}
