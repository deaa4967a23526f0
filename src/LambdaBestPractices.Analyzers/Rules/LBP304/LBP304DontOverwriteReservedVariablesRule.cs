using System;
using System.Collections.Immutable;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Model.Deployment;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP304: a reserved Lambda environment variable written by code: <c>Environment.SetEnvironmentVariable</c> with a
/// reserved key in a Lambda project (the runtime's value is lost for the rest of the execution environment's life), and a
/// reserved key in a CDK function's environment (<c>FunctionProps.Environment</c>, <c>AddEnvironment</c>: Lambda rejects
/// the configuration, so the deployment fails). The entries come from the shared <see cref="EnvironmentEntries"/>; a key
/// must be a constant (<see cref="ConstantStrings"/>). Left alone: test code (tests simulate the runtime), process writes
/// in a CDK app (it runs at synth), and <c>_X_AMZN_TRACE_ID</c> in a file of a custom runtime (it reads
/// <c>AWS_LAMBDA_RUNTIME_API</c> or the <c>Lambda-Runtime-Trace-Id</c> header, and sets the variable as AWS documents).
/// </summary>
public sealed class LBP304DontOverwriteReservedVariablesRule : LambdaRule
{
    /// <summary>The variables Lambda reserves (AWS: "Defined runtime environment variables", the reserved ones).</summary>
    internal static readonly ImmutableHashSet<string> ReservedKeys = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "_HANDLER",
        "_X_AMZN_TRACE_ID",
        "AWS_DEFAULT_REGION",
        "AWS_REGION",
        "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE",
        "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API",
        "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR");

    private const string ProcessConsequence = "the runtime sets it, and overwriting it changes what the runtime and the AWS SDK read for the rest of the execution environment's life";
    private const string TraceConsequence = "the runtime sets it for every invocation, and a value set by the code mixes another trace into this invocation's";
    private const string CdkConsequence = "Lambda rejects it in a function's configuration, so the deployment fails";

    // Every form names `...Environment...` (SetEnvironmentVariable, the CDK's Environment and AddEnvironment); with the
    // CDK a dictionary built elsewhere may only say `Dictionary`.
    private static readonly WordSet MentionedWords = WordSet.Of("Environment");
    private static readonly WordSet CdkMentionedWords = WordSet.Of("Environment", "Dictionary");

    // A custom runtime sets the trace header itself, from the Runtime API's `Lambda-Runtime-Trace-Id` header.
    private static readonly WordSet RuntimeWords = WordSet.Of("AWS_LAMBDA_RUNTIME_API", "Lambda-Runtime-Trace-Id");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP304_DontOverwriteReservedVariables, Descriptors.LBP304_DontOverwriteReservedVariables_CrossType);

    /// <summary>Process writes in Lambda projects; the CDK forms wherever the CDK's Lambda construct is referenced.</summary>
    internal override bool AppliesTo(LambdaSymbols symbols) => WritesProcess(symbols) || symbols.HasCdkLambda;

    private static bool WritesProcess(LambdaSymbols symbols) => symbols.IsLambdaProject && !symbols.Environment.IsEmpty;

    internal override void Start(RuleStart context, LambdaCompilation compilation)
    {
        var symbols = compilation.Symbols;
        var constants = compilation.Constants;
        var settings = compilation.Settings(context.Options.AnalyzerConfigOptionsProvider);
        var cdk = symbols.HasCdkLambda;
        if (symbols.IsLambdaProject)
        {
            context.RegisterDeploymentFileAction(compilation, ReportTemplateKeys);
        }

        var prefilter = compilation.Prefilter;

        var entries = new EnvironmentEntries(symbols, (key, value, cancellationToken) => ReservedKey(key, constants, settings, prefilter, cancellationToken), process: WritesProcess(symbols) && !IsCdkApp(symbols), cdk: cdk);
        var words = cdk ? CdkMentionedWords : MentionedWords;

        context.RegisterTypeStartAction(typeContext =>
        {
            if (!settings.AnyNonTestFileMentions(typeContext.Type, words, typeContext.CancellationToken))
            {
                return;
            }

            var state = new TypeEntries();
            typeContext.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.TargetMethod.Name is KnownTypes.SetEnvironmentVariable or KnownTypes.CdkAddEnvironment or "Add" or "TryAdd")
                    {
                        entries.OnInvocation(invocation, state, c, ReportLive, c.CancellationToken);
                    }
                },
                OperationKind.Invocation);
            if (cdk)
            {
                typeContext.RegisterOperationAction(c => entries.OnAssignment((ISimpleAssignmentOperation)c.Operation, state, c, ReportLive, c.CancellationToken), OperationKind.SimpleAssignment);
                typeContext.RegisterSymbolEndAction(c => entries.OnTypeEnd(state, c, ReportAtTypeEnd));
            }
        });

        if (cdk)
        {
            context.RegisterCompilationEndAction(c =>
            {
                foreach (var entry in entries.AtCompilationEnd())
                {
                    c.ReportOutsideGeneratedCode(Create(Descriptors.LBP304_DontOverwriteReservedVariables_CrossType, entry));
                }
            });
        }
    }

    /// <summary>
    /// A CDK app (even one that references the function project) runs at synth, not in Lambda, so its process writes are its
    /// own: an executable that references the CDK's Lambda construct and not the Lambda runtime's bootstrap (an executable
    /// function with a custom runtime references <c>LambdaBootstrapBuilder</c>).
    /// </summary>
    private static bool IsCdkApp(LambdaSymbols symbols) =>
        symbols.HasCdkLambda && symbols.Compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication && symbols.LambdaBootstrapBuilder.IsEmpty;

    /// <summary>The reserved key an entry writes, outside test code and outside a custom runtime's trace handling, or null.</summary>
    private static string? ReservedKey(IOperation key, ConstantStrings constants, CodeSettings settings, TextPrefilter prefilter, CancellationToken cancellationToken) =>
        constants.TryGet(key, out var name, cancellationToken) && ReservedKeys.Contains(name) && !settings.IsTest(key.Syntax.SyntaxTree)
        && !(name == TraceIdKey && prefilter.Mentions(key.Syntax.SyntaxTree, RuntimeWords, cancellationToken))
            ? name
            : null;

    private const string TraceIdKey = "_X_AMZN_TRACE_ID";

    private static readonly Action<OperationAnalysisContext, EnvironmentEntry> ReportLive = static (context, entry) =>
        context.ReportOutsideGeneratedCode(Create(Descriptors.LBP304_DontOverwriteReservedVariables, entry));

    private static readonly Action<SymbolAnalysisContext, EnvironmentEntry> ReportAtTypeEnd = static (context, entry) =>
        context.ReportOutsideGeneratedCode(Create(Descriptors.LBP304_DontOverwriteReservedVariables, entry));

    /// <summary>
    /// A deployment file that sets a reserved variable in one of the project's functions' environments: Lambda rejects the
    /// function's configuration, so the deployment fails. Reported at the key, in the file.
    /// </summary>
    private static void ReportTemplateKeys(AdditionalFileAnalysisContext context, DeploymentModel deployment, DeploymentFile file)
    {
        foreach (var variable in deployment.OwnVariablesIn(file))
        {
            if (ReservedKeys.Contains(variable.Name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LBP304_DontOverwriteReservedVariables, file.LocationOf(variable.KeySpan), variable.Name, CdkConsequence));
            }
        }
    }

    /// <summary>Reported at the key: the key is what is wrong.</summary>
    private static Diagnostic Create(DiagnosticDescriptor descriptor, EnvironmentEntry entry) =>
        Diagnostic.Create(descriptor, entry.Key.Syntax.GetLocation(), entry.Name, entry.Kind == EnvironmentKind.CdkFunction ? CdkConsequence : entry.Name == TraceIdKey ? TraceConsequence : ProcessConsequence);
}
