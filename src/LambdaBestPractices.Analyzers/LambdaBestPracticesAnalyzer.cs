using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers;

/// <summary>
/// The package's one analyzer: every rule, hosted by <see cref="RuleHostAnalyzer"/> so the driver's cost per analyzer and
/// per type is paid once for all of them. Each rule keeps its own IDs, so <c>dotnet_diagnostic.LBPnnn.severity</c>,
/// <c>#pragma warning disable LBPnnn</c> and the presets work per rule; a rule switched off for the whole compilation does
/// not run at all. A new rule is added to this list (a convention test checks that every rule of the assembly is here).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LambdaBestPracticesAnalyzer : RuleHostAnalyzer
{
    public LambdaBestPracticesAnalyzer()
        : base(
            new LBP101CreateClientsOnceRule(),
            new LBP102FetchConfigurationOnceRule(),
            new LBP103DontPayForIdleTimeRule(),
            new LBP201AvoidRecursiveInvocationLoopsRule(),
            new LBP202MakeWritesIdempotentRule(),
            new LBP203FinishBackgroundWorkRule(),
            new LBP204DontInvokeSynchronouslyRule(),
            new LBP205DontKeepRequestDataInStaticStateRule(),
            new LBP206DontMakeUniqueValuesAtInitRule(),
            new LBP301KeepSecretsOutOfEnvironmentRule(),
            new LBP302DontHardCodeCredentialsRule(),
            new LBP303DontLogSecretsRule(),
            new LBP304DontOverwriteReservedVariablesRule(),
            new LBP401DontHardCodeResourceNamesRule(),
            new LBP402DontHardCodeRegionRule())
    {
    }
}
