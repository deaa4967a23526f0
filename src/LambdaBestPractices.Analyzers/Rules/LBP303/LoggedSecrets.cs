using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP303's reading of one type: which values written to a log are secrets, and what they are (never their value).
/// A secret is the value of an environment variable whose name LBP301's heuristics call a secret
/// (<see cref="SecretNames"/>), or what a Secrets Manager read or a decrypted Parameter Store read returns
/// (<see cref="ConfigurationReads"/>), followed through <c>await</c>, the response's properties, locals written once,
/// fields of the type (their initializers and assignments), <c>??</c>, <c>?:</c>, <c>ToString()</c>/<c>Trim()</c>,
/// concatenation and interpolation. Anything else (a length, a hash, a substring, a parameter) is not followed.
/// </summary>
internal sealed class LoggedSecrets
{
    private const int MaxDepth = 8;

    private static readonly HashSet<string> ResponseProperties = new() { "SecretString", "SecretBinary", "Parameter", "Parameters", "Value" };

    private readonly INamedTypeSymbol _type;
    private readonly List<(ISymbol Owner, IOperation Block)> _blocks;
    private readonly LambdaSymbols _symbols;
    private readonly ConstantStrings _constants;
    private readonly SecretNamesByFile _names;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<IFieldSymbol, string?> _fields = new(SymbolEqualityComparer.Default);

    public LoggedSecrets(INamedTypeSymbol type, List<(ISymbol Owner, IOperation Block)> blocks, LambdaSymbols symbols, ConstantStrings constants, SecretNamesByFile names, CancellationToken cancellationToken)
    {
        _type = type;
        _blocks = blocks;
        _symbols = symbols;
        _constants = constants;
        _names = names;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether <paramref name="method"/> writes a log line: the Lambda logger, the console, <c>ILogger</c>, Debug or Trace.</summary>
    public static bool IsLogSink(IMethodSymbol method, LambdaSymbols symbols) =>
        (method.Name.StartsWith("Log", System.StringComparison.Ordinal) || method.Name.StartsWith("Write", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Trace", System.StringComparison.Ordinal) || method.Name == "Print")
        && LambdaSymbols.Contains(symbols.LogSinks, method.ContainingType);

    /// <summary>The diagnostic property holding where the secrets themselves sit in the logged value (<c>start:length;start:length</c>), for the code fix.</summary>
    public const string MaskProperty = "LBP303.Mask";

    /// <summary>What secret <paramref name="value"/> carries ("The value of environment variable 'DB_PASSWORD'"), or null.</summary>
    public string? SecretIn(IOperation value) => SecretIn(value, 0);

    /// <summary>
    /// The strings in <paramref name="value"/> (which carries a secret) that are secrets themselves, as the code fix can mask
    /// them: the argument, or every hole of an interpolation, operand of a concatenation or element of a <c>params</c> array
    /// that carries one; empty when one of them is a message composed elsewhere (a local holding an interpolation or a
    /// concatenation, whose masking would hide the whole message) or not a string, so the fix never leaves a secret behind.
    /// </summary>
    public List<IOperation> MaskableParts(IOperation value)
    {
        var parts = new List<IOperation>();
        return CollectMaskable(value.WalkDownConversion(), parts, 0) ? parts : new List<IOperation>();
    }

    private bool CollectMaskable(IOperation current, List<IOperation> parts, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (current)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && SecretIn(interpolation.Expression) is not null
                        && !CollectMaskable(interpolation.Expression.WalkDownConversion(), parts, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand })
                {
                    if (SecretIn(operand) is not null && !CollectMaskable(operand.WalkDownConversion(), parts, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case ILocalReferenceOperation local when BodyFacts.SingleValueOf(local)?.WalkDownConversion() is IInterpolatedStringOperation or IBinaryOperation:
                return false;
            default:
                if (current.Type?.SpecialType != SpecialType.System_String || current.IsImplicit)
                {
                    return false;
                }

                parts.Add(current);
                return true;
        }
    }

    private string? SecretIn(IOperation? value, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        switch (value.WalkDownConversion())
        {
            case IInvocationOperation invocation when _symbols.IsEnvironmentMethod(invocation.TargetMethod, KnownTypes.GetEnvironmentVariable):
                return _constants.TryGet(invocation.ArgumentFor(0), out var name, _cancellationToken) && _names.IsSecretIn(invocation.Syntax.SyntaxTree, name)
                    ? "The value of environment variable '" + name + "'"
                    : null;
            case IInvocationOperation invocation when ConfigurationReads.ReadsSecretMaterial(invocation):
                return "The secret read by '" + invocation.TargetMethod.Name + "'";
            case IInvocationOperation { TargetMethod.Name: "ToString" or "Trim" or "TrimEnd" or "TrimStart" or "ConfigureAwait" or "GetResult" or "GetAwaiter", Instance: { } instance }:
                return SecretIn(instance, depth + 1);
            case IAwaitOperation awaited:
                return SecretIn(awaited.Operation, depth + 1);
            case IPropertyReferenceOperation { Instance: { } instance } property when ResponseProperties.Contains(property.Property.Name) || property.Property.Name == "Result":
                return SecretIn(instance, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return SecretIn(binary.LeftOperand, depth + 1) ?? SecretIn(binary.RightOperand, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && SecretIn(hole.Expression, depth + 1) is { } secret)
                    {
                        return secret;
                    }
                }

                return null;
            case ICoalesceOperation coalesce:
                return SecretIn(coalesce.Value, depth + 1) ?? SecretIn(coalesce.WhenNull, depth + 1);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return SecretIn(conditional.WhenTrue, depth + 1) ?? SecretIn(whenFalse, depth + 1);
            case ILocalReferenceOperation local:
                return SecretIn(BodyFacts.SingleValueOf(local), depth + 1);
            case IFieldReferenceOperation field when SymbolEqualityComparer.Default.Equals(field.Field.ContainingType?.OriginalDefinition, _type):
                return SecretInField(field.Field.OriginalDefinition, depth);
            case IArrayCreationOperation { Initializer: { } elements }:
                foreach (var element in elements.ElementValues)
                {
                    if (SecretIn(element, depth + 1) is { } secret)
                    {
                        return secret;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A field of the type holds a secret when its initializer or any assignment (<c>=</c>, <c>??=</c>) in the type gives it one.</summary>
    private string? SecretInField(IFieldSymbol field, int depth)
    {
        if (_fields.TryGetValue(field, out var known))
        {
            return known;
        }

        _fields[field] = null;
        string? found = null;
        foreach (var (owner, block) in _blocks)
        {
            // A readonly field is written only by its initializer and the constructors: the other bodies are not read.
            if (field.IsReadOnly && !SymbolEqualityComparer.Default.Equals(owner, field) && owner is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor })
            {
                continue;
            }

            var facts = BodyFacts.Of(block);
            foreach (var operation in facts.OfKind(OperationKind.FieldInitializer))
            {
                var initializer = (IFieldInitializerOperation)operation;
                if (found is null && initializer.InitializedFields.Contains(field, SymbolEqualityComparer.Default))
                {
                    found = SecretIn(initializer.Value, depth + 1);
                }
            }

            foreach (var operation in facts.OfKind(OperationKind.SimpleAssignment).Concat(facts.OfKind(OperationKind.CoalesceAssignment)))
            {
                var assignment = (IAssignmentOperation)operation;
                if (found is null && assignment.Target.WalkDownConversion() is IFieldReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field))
                {
                    found = SecretIn(assignment.Value, depth + 1);
                }
            }
        }

        return _fields[field] = found;
    }
}
