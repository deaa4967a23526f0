using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP302: AWS credentials written into a Lambda project's code. Reports
/// <list type="bullet">
/// <item><c>new BasicAWSCredentials(...)</c> / <c>new SessionAWSCredentials(...)</c> with a constant access key or secret key;</item>
/// <item>an SDK client constructor that takes access keys (<c>new AmazonS3Client(awsAccessKeyId, awsSecretAccessKey, ...)</c>)
/// with a constant key;</item>
/// <item>any other string literal containing an access key ID (<c>AKIA</c>/<c>ASIA</c> + 16 of <c>[A-Z0-9]</c>).</item>
/// </list>
/// A constant access key that cannot be a real one (shorter than 16 characters, or with other characters than letters,
/// digits and <c>_</c>) is a placeholder for a local emulator and is not reported. Messages never contain a key.
/// </summary>
public sealed class LBP302DontHardCodeCredentialsRule : LambdaRule
{
    /// <summary>The message argument for a literal that carries an access key ID outside a credentials constructor.</summary>
    internal const string LiteralSubject = "a string literal shaped like an access key ID";

    private static readonly WordSet AccessKeyPrefixes = WordSet.Of("AKIA", "ASIA");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP302_DontHardCodeAwsCredentials);

    internal override bool AppliesTo(LambdaSymbols symbols) => symbols.IsLambdaProject;

    internal override void Start(RuleStart context, LambdaCompilation compilation)
    {
        var symbols = compilation.Symbols;
        var constants = compilation.Constants;
        var settings = compilation.Settings(context.Options.AnalyzerConfigOptionsProvider);
        var checkCreations = !symbols.Credentials.IsEmpty || !symbols.AmazonServiceClient.IsEmpty;

        if (checkCreations)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (HardCodesCredentials(creation, symbols, constants, c.CancellationToken) && !settings.IsTest(creation.Syntax.SyntaxTree))
                    {
                        c.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP302_DontHardCodeAwsCredentials, creation.Syntax.GetLocation(), Subject(creation)));
                    }
                },
                OperationKind.ObjectCreation);
        }

        // Literals: only in types whose files contain an access key ID prefix at all (most code registers nothing).
        context.RegisterTypeStartAction(
            typeContext =>
            {
                var type = typeContext.Type;
                if (!settings.AnyNonTestFileMentions(type, AccessKeyPrefixes, typeContext.CancellationToken))
                {
                    return;
                }

                typeContext.RegisterOperationAction(
                    c =>
                    {
                        var literal = (ILiteralOperation)c.Operation;
                        if (literal.ConstantValue is not { HasValue: true, Value: string text } || !AccessKeyShape.ContainsAccessKeyId(text)
                            || (checkCreations && IsKeyOfReportedCreation(literal, symbols, constants, c.CancellationToken))
                            || settings.IsTest(literal.Syntax.SyntaxTree))
                        {
                            return;
                        }

                        c.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP302_DontHardCodeAwsCredentials, literal.Syntax.GetLocation(), LiteralSubject));
                    },
                    OperationKind.Literal);
            });
    }

    /// <summary>
    /// A credentials or client constructor whose access key or secret key argument is a constant, unless the access key is
    /// a constant placeholder that no AWS account accepts.
    /// </summary>
    private static bool HardCodesCredentials(IObjectCreationOperation creation, LambdaSymbols symbols, ConstantStrings constants, System.Threading.CancellationToken cancellationToken)
    {
        if (!TryGetKeyArguments(creation, symbols, out var accessKey, out var secretKey))
        {
            return false;
        }

        var accessIsConstant = constants.TryGet(accessKey, out var accessValue, cancellationToken);
        if (accessIsConstant && AccessKeyShape.IsPlaceholderKeyId(accessValue))
        {
            return false;
        }

        return (accessIsConstant && accessValue.Length > 0) || constants.IsNonEmpty(secretKey, cancellationToken);
    }

    /// <summary>
    /// The access key and secret key arguments of <c>new BasicAWSCredentials(accessKey, secretKey, ...)</c>,
    /// <c>new SessionAWSCredentials(awsAccessKeyId, awsSecretAccessKey, token, ...)</c> or a client constructor taking
    /// <c>(string awsAccessKeyId, string awsSecretAccessKey, ...)</c>.
    /// </summary>
    internal static bool TryGetKeyArguments(IObjectCreationOperation creation, LambdaSymbols symbols, out IOperation? accessKey, out IOperation? secretKey)
    {
        accessKey = null;
        secretKey = null;
        if (creation.Constructor is not { Parameters: { Length: >= 2 } parameters }
            || parameters[0].Type.SpecialType != SpecialType.System_String
            || parameters[1].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var isCredentials = LambdaSymbols.Contains(symbols.Credentials, creation.Type);
        var isClient = !isCredentials
            && parameters[0].Name == KnownTypes.AccessKeyIdParameter
            && parameters[1].Name == KnownTypes.SecretAccessKeyParameter
            && LambdaSymbols.InheritsFromAny(symbols.AmazonServiceClient, creation.Type);
        if (!isCredentials && !isClient)
        {
            return false;
        }

        foreach (var argument in creation.Arguments)
        {
            switch (argument.Parameter?.Ordinal)
            {
                case 0:
                    accessKey = argument.Value;
                    break;
                case 1:
                    secretKey = argument.Value;
                    break;
            }
        }

        return accessKey is not null || secretKey is not null;
    }

    /// <summary>A literal passed straight to a constructor that is reported itself: one diagnostic per site, on the constructor.</summary>
    private static bool IsKeyOfReportedCreation(ILiteralOperation literal, LambdaSymbols symbols, ConstantStrings constants, System.Threading.CancellationToken cancellationToken) =>
        literal.WalkUpConversion(out _) is IArgumentOperation { Parent: IObjectCreationOperation creation }
        && HardCodesCredentials(creation, symbols, constants, cancellationToken);

    private static string Subject(IObjectCreationOperation creation) => "'new " + (creation.Type?.Name ?? "?") + "(...)'";
}
