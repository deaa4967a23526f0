using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP303: a secret written to a log (<see cref="LoggedSecrets"/>): an argument of a Lambda logger, <c>LambdaLogger.Log</c>,
/// <c>Console.Write*</c>, an <c>ILogger</c> <c>Log*</c> method, or <c>Debug</c>/<c>Trace</c> that carries a secret-named
/// environment variable's value, a Secrets Manager secret or a decrypted parameter, also inside an interpolation or a
/// concatenation. The log calls are collected as the driver hands them over and their arguments followed at the type's
/// end, in Lambda projects, for types whose files read the environment or a store;
/// test code is left alone. The message names the secret's source, never its value.
/// </summary>
public sealed class LBP303DontLogSecretsRule : LambdaRule
{
    private static readonly WordSet SourceWords = WordSet.Of("Environment", "GetSecretValue", "GetParameter");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LBP303_DontLogSecrets);

    internal override bool AppliesTo(LambdaSymbols symbols) => symbols.IsLambdaProject && !symbols.LogSinks.IsEmpty;

    internal override void Start(RuleStart context, LambdaCompilation compilation)
    {
        var symbols = compilation.Symbols;
        var constants = compilation.Constants;
        var settings = compilation.Settings(context.Options.AnalyzerConfigOptionsProvider);
        var names = new SecretNamesByFile(settings);

        context.RegisterTypeStartAction(typeContext =>
        {
            var type = typeContext.Type;
            if (!settings.AnyNonTestFileMentions(type, SourceWords, typeContext.CancellationToken))
            {
                return;
            }

            // The log calls, as the driver hands them over; the member bodies, for the fields a secret may be kept in. Only
            // the log calls' arguments are followed at the type's end (most types log nothing secret-shaped).
            var logs = new List<IInvocationOperation>();
            var blocks = new List<(ISymbol Owner, IOperation Block)>();
            typeContext.RegisterOperationAction(
                c =>
                {
                    var log = (IInvocationOperation)c.Operation;
                    if (LoggedSecrets.IsLogSink(log.TargetMethod, symbols) && HasNonConstantArgument(log) && !settings.IsTest(log.Syntax.SyntaxTree))
                    {
                        lock (logs)
                        {
                            logs.Add(log);
                        }
                    }
                },
                OperationKind.Invocation);
            typeContext.RegisterOperationBlockAction(c =>
            {
                lock (blocks)
                {
                    foreach (var block in c.OperationBlocks)
                    {
                        blocks.Add((c.OwningSymbol, block));
                    }
                }
            });
            typeContext.RegisterSymbolEndAction(c =>
            {
                if (logs.Count == 0)
                {
                    return;
                }

                var secrets = new LoggedSecrets(type, blocks, symbols, constants, names, c.CancellationToken);
                foreach (var log in logs)
                {
                    foreach (var argument in log.Arguments)
                    {
                        // `params object[] args` (an ILogger template's values): each value on its own.
                        if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } values })
                        {
                            foreach (var value in values.ElementValues)
                            {
                                Check(c, secrets, log, value);
                            }
                        }
                        else if (argument.Value.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object)
                        {
                            Check(c, secrets, log, argument.Value);
                        }
                    }
                }
            });
        });
    }

    /// <summary>A log call with something to follow: an argument that is not a constant (a literal message logs no secret).</summary>
    private static bool HasNonConstantArgument(IInvocationOperation log)
    {
        foreach (var argument in log.Arguments)
        {
            if (!argument.Value.ConstantValue.HasValue && !argument.IsImplicit)
            {
                return true;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(SymbolAnalysisContext context, LoggedSecrets secrets, IInvocationOperation log, IOperation value)
    {
        if (secrets.SecretIn(value) is { } secret)
        {
            // Where the secrets themselves sit, for the code fix that logs a masked form instead.
            var parts = secrets.MaskableParts(value);
            var properties = parts.Count == 0
                ? null
                : ImmutableDictionary<string, string?>.Empty.Add(
                    LoggedSecrets.MaskProperty,
                    string.Join(";", parts.Select(part => part.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + part.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture))));
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP303_DontLogSecrets, value.Syntax.GetLocation(), properties, secret, SinkName(log.TargetMethod)));
        }
    }

    private static string SinkName(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;
}
