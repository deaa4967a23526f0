using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>Where a string comes from (<see cref="ValueOrigins"/>).</summary>
internal enum OriginKind
{
    /// <summary>Not known: the component stops rather than guess.</summary>
    Unknown,

    /// <summary>A value fixed in the source.</summary>
    Constant,

    /// <summary>The running function's own name or ARN: <c>context.FunctionName</c>, <c>context.InvokedFunctionArn</c>, <c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
    OwnFunction,

    /// <summary><c>Environment.GetEnvironmentVariable(&lt;constant&gt;)</c> (other than <c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    EnvironmentVariable,

    /// <summary>A property of the handler's event record: <c>record.S3.Bucket.Name</c>, <c>record.Sns.TopicArn</c>, <c>record.EventSourceArn</c>.</summary>
    EventRecord,

    /// <summary>
    /// A value that differs on every run (LBP202): <c>Guid.NewGuid()</c>, <c>DateTime.Now/UtcNow</c>,
    /// <c>DateTimeOffset.Now/UtcNow</c>, <c>Random</c>, <c>RandomNumberGenerator</c>, <c>Environment.TickCount</c>,
    /// <c>Stopwatch</c>. Found by <see cref="ValueOrigins.FreshPart(IOperation)"/> only; <see cref="ValueOrigins.Of(IOperation)"/>
    /// never answers it.
    /// </summary>
    Fresh,

    /// <summary>
    /// A parameter of a method that other types (or other members through a non-private method) call: what its callers pass
    /// decides, and they are only all known at compilation end (<see cref="ValueOrigin.Parameter"/>, <see cref="CrossTypeArguments"/>).
    /// Found by <see cref="ValueOrigins.FreshPart(IOperation)"/> when no fresh part is found in the type itself.
    /// </summary>
    CallerArgument,
}

/// <summary>The origin of one value: its kind, what exactly (the constant, the variable, the record path) and where it is read.</summary>
internal readonly struct ValueOrigin
{
    public static ValueOrigin Unknown => default;

    public ValueOrigin(OriginKind kind, string detail, SyntaxNode syntax, EventSources recordSource = EventSources.None, bool derived = false, IParameterSymbol? parameter = null)
    {
        Kind = kind;
        Detail = detail;
        Syntax = syntax;
        RecordSource = recordSource;
        Derived = derived;
        Parameter = parameter;
    }

    /// <summary>For <see cref="OriginKind.CallerArgument"/>: the parameter whose callers decide.</summary>
    public IParameterSymbol? Parameter { get; }

    public OriginKind Kind { get; }

    /// <summary>The constant's value, the variable's name, <c>context.FunctionName</c>, or the record's property path (<c>S3.Bucket.Name</c>).</summary>
    public string Detail { get; }

    /// <summary>Where the value is read (the related location of a diagnostic).</summary>
    public SyntaxNode? Syntax { get; }

    /// <summary>For <see cref="OriginKind.EventRecord"/>: the event source whose record it is.</summary>
    public EventSources RecordSource { get; }

    /// <summary>True when the value went through string operations (<c>Split</c>, <c>Substring</c>, a prefix, an ARN-to-URL conversion).</summary>
    public bool Derived { get; }

    public ValueOrigin AsDerived() => Kind == OriginKind.Unknown ? this : new ValueOrigin(Kind, Detail, Syntax!, RecordSource, derived: true, Parameter);

    /// <summary>True for a record property whose path ends with <paramref name="pathSuffix"/> (<c>Bucket.Name</c>, <c>Sns.TopicArn</c>).</summary>
    public bool IsRecordProperty(EventSources source, string pathSuffix) =>
        Kind == OriginKind.EventRecord && (RecordSource & source) != 0
        && (Detail == pathSuffix || Detail.EndsWith("." + pathSuffix, StringComparison.Ordinal));

    /// <summary>How a message names it: <c>context.FunctionName</c>, <c>AWS_LAMBDA_FUNCTION_NAME</c>, <c>record.S3.Bucket.Name</c>.</summary>
    public string Describe() => Kind switch
    {
        OriginKind.EventRecord => "record." + Detail,
        OriginKind.Constant => "\"" + Detail + "\"",
        _ => Detail,
    };
}

/// <summary>
/// Value-origin tracking, shared by the rules that need to know where a string comes from (LBP201, LBP202): a constant,
/// the function's own name, an environment variable, a property of the handler's event record, or unknown.
/// <para>
/// One instance per type (its member bodies, given at the type's symbol end). It follows, and only follows: locals written
/// once, parameters of the type's private methods (when every call in the type passes the same origin), the type's fields
/// written once (initializer or a single assignment), <c>??</c> (its left side), <c>await</c>, string concatenation and
/// interpolation (the last part decides: <c>"arn:...:function:" + context.FunctionName</c> names the function, but
/// <c>bucket + "-resized"</c> is another bucket), and string operations that keep a value's identity (<c>Split</c>, array
/// elements, <c>Substring</c>, <c>Replace</c>, <c>Trim</c>, case changes, LINQ <c>First</c>/<c>Last</c>/<c>Single</c>/<c>ElementAt</c>,
/// URL decoding, SQS <c>GetQueueUrl</c>). A record is recognised by its type, nested in an event type (<c>S3Event</c>,
/// <c>SQSEvent</c>, ...), so a record reached through <c>foreach</c> over <c>evt.Records</c>, <c>Records[0]</c>,
/// <c>Records.First()</c> or a helper's parameter is found alike. Everything else is unknown. The type is indexed once
/// (one pass over its bodies) and each question costs the operations of the value, so the cost is linear.
/// </para>
/// </summary>
internal sealed class ValueOrigins
{
    public const string OwnFunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
    private const int MaxDepth = 12;

    private static readonly HashSet<string> IdentityKeepingStringMethods = new(StringComparer.Ordinal)
    {
        "Split", "Substring", "Replace", "Trim", "TrimStart", "TrimEnd", "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant",
        "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault", "ToString",
        "UrlDecode", "UnescapeDataString", "Remove",
    };

    private readonly LambdaSymbols _symbols;
    private readonly ConstantStrings _constants;
    private readonly INamedTypeSymbol _type;
    private readonly Dictionary<IMethodSymbol, List<IInvocationOperation>> _privateCalls = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IFieldSymbol, List<IOperation?>> _fieldWrites = new(SymbolEqualityComparer.Default);
    private readonly Func<IOperation, IOperation[]?>? _walked;
    private CancellationToken _cancellationToken;
    private IEnumerable<IOperation>? _blocks;

    /// <param name="blocks">Every member body of <paramref name="type"/>, field initializers included.</param>
    /// <param name="walked">What the handler model's walk recorded of a body for this index (<see cref="TypeBodySet.AddIndex"/>), if it did.</param>
    public ValueOrigins(LambdaSymbols symbols, INamedTypeSymbol type, IEnumerable<IOperation> blocks, CancellationToken cancellationToken, Func<IOperation, IOperation[]?>? walked = null)
    {
        _walked = walked;
        _symbols = symbols;
        _constants = LambdaCompilation.For(symbols.Compilation).Constants;
        _type = type;
        _cancellationToken = cancellationToken;
        _blocks = blocks;
    }

    /// <summary>The token of the rule asking now (an instance shared by rules, <see cref="TypeBodySet"/>, is asked by one at a time).</summary>
    public CancellationToken CancellationToken
    {
        get => _cancellationToken;
        set => _cancellationToken = value;
    }

    /// <summary>Indexes the type's private calls and field writes the first time a question needs them.</summary>
    private void EnsureIndexed()
    {
        if (_blocks is { } blocks)
        {
            using var engine = EngineMeter.Measure(EngineStep.ValueOrigins);
            _blocks = null;
            var seen = new HashSet<IOperation>();
            foreach (var block in blocks)
            {
                // One body's facts once, even if two of its blocks share a root.
                var root = block.Root();
                if (seen.Add(root))
                {
                    Index(root);
                }
            }
        }
    }

    public ValueOrigin Of(IOperation value) => Of(value, 0);

    /// <summary>
    /// <see cref="OriginKind.CallerArgument"/> when <paramref name="value"/> is, as it is (through conversions and locals
    /// written once), a parameter of a method other types can call (not private, or an explicit interface
    /// implementation): its callers decide where it comes from (LBP201: a service's upload method handed the event's
    /// bucket). Unknown otherwise; <see cref="Of(IOperation)"/> answers everything else.
    /// </summary>
    public static ValueOrigin CallerParameter(IOperation value) => CallerParameter(value, privateToo: false);

    /// <summary>
    /// As <see cref="CallerParameter(IOperation)"/>; with <paramref name="privateToo"/>, a private method's parameter counts
    /// as well (LBP401: a literal handed to a private wrapper of an SDK call).
    /// </summary>
    public static ValueOrigin CallerParameter(IOperation value, bool privateToo)
    {
        for (var depth = 0; depth <= MaxDepth; depth++)
        {
            switch (value.WalkDownConversion())
            {
                case ILocalReferenceOperation local when BodyFacts.SingleValueOf(local) is { } written:
                    value = written;
                    continue;
                // Only a parameter the method never writes (`bucket = bucket + "-thumbnails";` names another resource).
                case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol method } parameter } reference
                    when ((method.MethodKind == MethodKind.Ordinary && (privateToo || method.DeclaredAccessibility != Accessibility.Private)) || method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
                        && !BodyFacts.Of(reference).Writes(parameter):
                    return new ValueOrigin(OriginKind.CallerArgument, parameter.Name, reference.Syntax, parameter: parameter);
                default:
                    return ValueOrigin.Unknown;
            }
        }

        return ValueOrigin.Unknown;
    }

    private ValueOrigin Of(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return ValueOrigin.Unknown;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        operation = operation.WalkDownConversion();
        if (operation.ConstantValue is { HasValue: true } constant)
        {
            return new ValueOrigin(OriginKind.Constant, constant.Value as string ?? string.Empty, operation.Syntax);
        }

        // `Split(':', '/')`: a params array of constants.
        if (operation is IArrayCreationOperation { Initializer: { } elements } && elements.ElementValues.All(e => e.ConstantValue.HasValue))
        {
            return new ValueOrigin(OriginKind.Constant, string.Empty, operation.Syntax);
        }

        var origin = OfOperation(operation, depth);

        // A field or property that holds a string fixed in the source, in this type or another (the engine's one definition).
        return origin.Kind == OriginKind.Unknown
            && operation is IFieldReferenceOperation or IPropertyReferenceOperation
            && _constants.Resolve(operation, _type, _cancellationToken) is { } constantString
            ? new ValueOrigin(OriginKind.Constant, constantString.Value, constantString.Node)
            : origin;
    }

    private ValueOrigin OfOperation(IOperation operation, int depth)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation property:
                return OfProperty(property, depth);

            case IInvocationOperation invocation:
                return OfInvocation(invocation, depth);

            case ILocalReferenceOperation local:
                return BodyFacts.SingleValueOf(local) is { } written ? Of(written, depth + 1) : ValueOrigin.Unknown;

            case IParameterReferenceOperation parameter:
                return OfParameter(parameter.Parameter, depth);

            case IFieldReferenceOperation { Field: { IsConst: false } field } when SymbolEqualityComparer.Default.Equals(field.ContainingType, _type):
                EnsureIndexed();
                return _fieldWrites.TryGetValue(field, out var fieldWrites) && fieldWrites.Count == 1 ? Of(fieldWrites[0], depth + 1) : ValueOrigin.Unknown;

            case ICoalesceOperation coalesce:
                return Of(coalesce.Value, depth + 1);

            case IAwaitOperation awaited:
                return Of(awaited.Operation, depth + 1);

            case IArrayElementReferenceOperation element:
                return Of(element.ArrayReference, depth + 1).AsDerived();

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return LastPart(binary.RightOperand, depth, hasPrefix: true) is { Kind: not OriginKind.Unknown } last
                    ? last
                    : QualifiedFunction(binary, depth);

            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                return interpolated.Parts[interpolated.Parts.Length - 1] is IInterpolationOperation { Alignment: null, FormatString: null } hole
                    && LastPart(hole.Expression, depth, hasPrefix: interpolated.Parts.Length > 1) is { Kind: not OriginKind.Unknown } lastHole
                    ? lastHole
                    : QualifiedFunction(interpolated, depth);

            default:
                return ValueOrigin.Unknown;
        }
    }

    /// <summary>
    /// The fresh part of a value (<see cref="OriginKind.Fresh"/>), or unknown: unlike <see cref="Of(IOperation)"/>, ANY fresh
    /// part of a concatenation or interpolation makes the whole value fresh (a key with a random part is a new key on every
    /// run). Follows locals written once, parameters of the type's private methods (any call passing a fresh value),
    /// <c>await</c>, the left side of <c>??</c>, arithmetic, members and instance methods of a fresh value
    /// (<c>.ToString()</c>, <c>.Ticks</c>, <c>.ToUnixTimeMilliseconds()</c>), static string, <c>Convert</c> and <c>Math</c>
    /// helpers taking one, and DynamoDB's <c>new AttributeValue(id)</c> / <c>new AttributeValue { S = id }</c>.
    /// Fields are not followed: a field set once holds the same value for the whole execution environment.
    /// </summary>
    public ValueOrigin FreshPart(IOperation value) => Fresh(value, 0);

    private ValueOrigin Fresh(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return ValueOrigin.Unknown;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        operation = operation.WalkDownConversion();
        if (operation.ConstantValue.HasValue)
        {
            return ValueOrigin.Unknown;
        }

        if (FreshSource(operation) is { } source)
        {
            return new ValueOrigin(OriginKind.Fresh, source, operation.Syntax);
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return BodyFacts.SingleValueOf(local) is { } written ? Fresh(written, depth + 1) : ValueOrigin.Unknown;

            case IParameterReferenceOperation parameter:
                return FreshParameter(parameter, depth);

            case IAwaitOperation awaited:
                return Fresh(awaited.Operation, depth + 1);

            case ICoalesceOperation coalesce:
                return Fresh(coalesce.Value, depth + 1);

            case IBinaryOperation binary:
                return FirstFresh(depth, binary.LeftOperand, binary.RightOperand);

            case IInterpolatedStringOperation interpolated:
                return FirstFresh(depth, interpolated.Parts.OfType<IInterpolationOperation>().Select(h => h.Expression).ToArray());

            case IPropertyReferenceOperation { Instance: { } instance }:
                return Fresh(instance, depth + 1);

            case IInvocationOperation invocation:
                if (invocation.Instance is { } target)
                {
                    return Fresh(target, depth + 1);
                }

                return invocation.TargetMethod.ContainingType is { } helperType
                    && (helperType.SpecialType == SpecialType.System_String || (helperType.Name is "Convert" or "Math" or "BitConverter" && IsInNamespace(helperType, SystemNamespace)))
                    ? FirstFresh(depth, invocation.Arguments.Select(a => a.Value).ToArray())
                    : ValueOrigin.Unknown;

            // DynamoDB: `new AttributeValue(id)`, `new AttributeValue { S = id }`.
            case IObjectCreationOperation { Type.Name: "AttributeValue" } creation when creation.Type is { } attributeValueType && ResourceSlots.IsSdkMember(attributeValueType):
                var candidates = new List<IOperation>(creation.Arguments.Select(a => a.Value));
                if (creation.Initializer is { } initializer)
                {
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "S" or "N" } } assignment)
                        {
                            candidates.Add(assignment.Value);
                        }
                    }
                }

                return FirstFresh(depth, candidates.ToArray());

            default:
                return ValueOrigin.Unknown;
        }
    }

    /// <summary>The first fresh part of <paramref name="operations"/>; else the first part its callers decide; else unknown.</summary>
    private ValueOrigin FirstFresh(int depth, params IOperation[] operations)
    {
        var byCaller = ValueOrigin.Unknown;
        foreach (var operation in operations)
        {
            var found = Fresh(operation, depth + 1);
            if (found.Kind == OriginKind.Fresh)
            {
                return found;
            }

            if (found.Kind == OriginKind.CallerArgument && byCaller.Kind == OriginKind.Unknown)
            {
                byCaller = found;
            }
        }

        return byCaller;
    }

    /// <summary>
    /// A private method's parameter is fresh when some call in the type passes a fresh value. A parameter of a method other
    /// types can call (not private: public, internal, protected; an interface implementation) is decided by its callers
    /// (<see cref="OriginKind.CallerArgument"/>).
    /// </summary>
    private ValueOrigin FreshParameter(IParameterReferenceOperation reference, int depth)
    {
        var parameter = reference.Parameter;
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation } method)
        {
            return ValueOrigin.Unknown;
        }

        if (method.DeclaredAccessibility != Accessibility.Private || method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
        {
            return parameter.RefKind == RefKind.None && CanHoldFreshValue(parameter.Type)
                ? new ValueOrigin(OriginKind.CallerArgument, parameter.Name, reference.Syntax, parameter: parameter)
                : ValueOrigin.Unknown;
        }

        EnsureIndexed();
        if (!_privateCalls.TryGetValue(method.NormalizeMember(), out var calls))
        {
            return ValueOrigin.Unknown;
        }

        var arguments = new List<IOperation>();
        foreach (var call in calls)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal)
                {
                    arguments.Add(argument.Value);
                }
            }
        }

        return FirstFresh(depth, arguments.ToArray());
    }

    /// <summary>
    /// Whether a parameter of this type can receive what <see cref="FreshSource"/> recognises (a string, a number, a
    /// <c>Guid</c>, a <c>DateTime</c>/<c>DateTimeOffset</c>, random bytes): a parameter of any other type (an order, an
    /// event record) is not waited for at compilation end.
    /// </summary>
    internal static bool CanHoldFreshValue(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_String or SpecialType.System_DateTime or SpecialType.System_Decimal or SpecialType.System_Double
            or SpecialType.System_Single or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 } => true,
        IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } => true,
        INamedTypeSymbol { Name: "Guid" or "DateTimeOffset" } named => IsInNamespace(named, SystemNamespace),
        _ => false,
    };

    /// <summary>
    /// How a message names a fresh value's source (<c>Guid.NewGuid()</c>, <c>DateTime.UtcNow</c>, ...), or null when
    /// <paramref name="operation"/> is not one: the package's one list of values that differ on every run (LBP202's fresh
    /// keys, LBP206's values made at init).
    /// </summary>
    public static string? FreshSource(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { } method }:
                var type = method.ContainingType;
                if (type is null || method.ReturnsVoid)
                {
                    return null;
                }

                if (type.Name == "Guid" && IsInNamespace(type, SystemNamespace) && method.IsStatic && method.Name is "NewGuid" or "CreateVersion7")
                {
                    return "Guid." + method.Name + "()";
                }

                if (type.Name == "Random" && IsInNamespace(type, SystemNamespace))
                {
                    return "Random." + method.Name + "()";
                }

                if (type.Name == "RandomNumberGenerator" && IsInNamespace(type, CryptographyNamespace) && method.IsStatic)
                {
                    return "RandomNumberGenerator." + method.Name + "()";
                }

                if (type.Name == "Stopwatch" && IsInNamespace(type, DiagnosticsNamespace) && method.Name == "GetTimestamp")
                {
                    return "Stopwatch.GetTimestamp()";
                }

                return null;

            case IPropertyReferenceOperation { Property: { } property }:
                var owner = property.ContainingType;
                if (owner is null)
                {
                    return null;
                }

                if (property.IsStatic && property.Name is "Now" or "UtcNow" && owner.Name is "DateTime" or "DateTimeOffset" && IsInNamespace(owner, SystemNamespace))
                {
                    return owner.Name + "." + property.Name;
                }

                if (property.IsStatic && property.Name is "TickCount" or "TickCount64" && owner.Name == "Environment" && IsInNamespace(owner, SystemNamespace))
                {
                    return "Environment." + property.Name;
                }

                if (!property.IsStatic && property.Name.StartsWith("Elapsed", StringComparison.Ordinal) && owner.Name == "Stopwatch" && IsInNamespace(owner, DiagnosticsNamespace))
                {
                    return "Stopwatch." + property.Name;
                }

                return null;

            default:
                return null;
        }
    }

    private static readonly string[] SystemNamespace = { "System" };
    private static readonly string[] DiagnosticsNamespace = { "System", "Diagnostics" };
    private static readonly string[] CryptographyNamespace = { "System", "Security", "Cryptography" };
    private static readonly string[] LinqNamespace = { "System", "Linq" };
    private static readonly string[] NetNamespace = { "System", "Net" };
    private static readonly string[] WebNamespace = { "System", "Web" };

    private static bool IsInNamespace(INamedTypeSymbol type, string[] parts) => type.ContainingNamespace.IsNamespace(parts);

    /// <summary>The last part of a concatenation names the resource; a constant there (a suffix) makes it another one.</summary>
    /// <summary>
    /// The function's own name with a qualifier after it: <c>context.FunctionName + ":" + alias</c>,
    /// <c>context.FunctionName + ":live"</c>, <c>$"{context.FunctionName}:{alias}"</c>. An alias or version of a function is
    /// the same function (its own name, then a text starting with <c>:</c>); anything else is unknown.
    /// </summary>
    private ValueOrigin QualifiedFunction(IOperation concatenation, int depth)
    {
        switch (concatenation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                // `(name + ":") + alias` and `name + ":live"`: the qualifier starts at the first constant after the name.
                if (StartsWithColon(binary.RightOperand) && Of(binary.LeftOperand, depth + 1) is { Kind: OriginKind.OwnFunction } named)
                {
                    return named.AsDerived();
                }

                return binary.LeftOperand.WalkDownConversion() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } left && depth < MaxDepth
                    ? QualifiedFunction(left, depth + 1)
                    : ValueOrigin.Unknown;

            case IInterpolatedStringOperation interpolated:
                for (var i = 0; i + 1 < interpolated.Parts.Length; i++)
                {
                    if (interpolated.Parts[i] is IInterpolationOperation { Alignment: null, FormatString: null } hole
                        && interpolated.Parts[i + 1] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text }
                        && text.StartsWith(":", System.StringComparison.Ordinal)
                        && Of(hole.Expression, depth + 1) is { Kind: OriginKind.OwnFunction } function)
                    {
                        return function.AsDerived();
                    }
                }

                return ValueOrigin.Unknown;

            default:
                return ValueOrigin.Unknown;
        }

        static bool StartsWithColon(IOperation operation) =>
            operation.WalkDownConversion().ConstantValue is { HasValue: true, Value: string text } && text.StartsWith(":", System.StringComparison.Ordinal);
    }

    private ValueOrigin LastPart(IOperation last, int depth, bool hasPrefix)
    {
        var origin = Of(last, depth + 1);
        return origin.Kind is OriginKind.OwnFunction or OriginKind.EventRecord
            ? (hasPrefix ? origin.AsDerived() : origin)
            : ValueOrigin.Unknown;
    }

    private ValueOrigin OfProperty(IPropertyReferenceOperation reference, int depth)
    {
        var property = reference.Property;
        if (property.Name is "FunctionName" or "InvokedFunctionArn" && _symbols.IsLambdaContext(property.ContainingType))
        {
            return new ValueOrigin(OriginKind.OwnFunction, "context." + property.Name, reference.Syntax);
        }

        if (RecordPath(reference) is { } record)
        {
            return record;
        }

        // `(await sqs.GetQueueUrlAsync(name)).QueueUrl`, also through a local holding the response.
        if (property.Name == "QueueUrl" && reference.Instance is { } instance && BodyFacts.ResolveThroughLocals(instance) is IInvocationOperation getQueueUrl && IsGetQueueUrl(getQueueUrl.TargetMethod))
        {
            return OfGetQueueUrl(getQueueUrl, depth);
        }

        return ValueOrigin.Unknown;
    }

    /// <summary>
    /// <c>record.S3.Bucket.Name</c> and the like: a chain of properties read from an object whose type is nested in an event
    /// type. The path starts after the record (<c>S3.Bucket.Name</c>); the record's own source is the event type's.
    /// </summary>
    private ValueOrigin? RecordPath(IPropertyReferenceOperation outermost)
    {
        var names = new List<string>();
        var source = EventSources.None;
        IOperation? current = outermost;
        while (current is IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } instance } reference
            && instance.Type is INamedTypeSymbol { ContainingType: { } eventType }
            && _symbols.EventSourceOfType(eventType) is var instanceSource and not EventSources.None)
        {
            names.Add(reference.Property.Name);
            source = instanceSource;
            current = instance.WalkDownConversion();
        }

        if (names.Count == 0)
        {
            return null;
        }

        names.Reverse();
        return new ValueOrigin(OriginKind.EventRecord, string.Join(".", names), outermost.Syntax, source);
    }

    private ValueOrigin OfInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "GetEnvironmentVariable" && method.ContainingType?.SpecialType == SpecialType.None && method.ContainingType.Name == "Environment"
            && method.ContainingNamespace?.Name == "System" && invocation.Arguments.Length > 0
            && invocation.Arguments[0].Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: string name })
        {
            return name == OwnFunctionNameVariable
                ? new ValueOrigin(OriginKind.OwnFunction, OwnFunctionNameVariable, invocation.Syntax)
                : new ValueOrigin(OriginKind.EnvironmentVariable, name, invocation.Syntax);
        }

        if (IsGetQueueUrl(method))
        {
            return OfGetQueueUrl(invocation, depth);
        }

        if (!IdentityKeepingStringMethods.Contains(method.Name) || !IsStringOrLinqOrUrlType(method.ContainingType))
        {
            return ValueOrigin.Unknown;
        }

        // `arn.Split(':')`, `parts.Last()`, `Uri.UnescapeDataString(key)`: the one non-constant input carries the origin.
        var origin = ValueOrigin.Unknown;
        foreach (var input in Inputs(invocation))
        {
            var inputOrigin = Of(input, depth + 1);
            if (inputOrigin.Kind is OriginKind.Constant)
            {
                continue;
            }

            if (origin.Kind != OriginKind.Unknown || inputOrigin.Kind == OriginKind.Unknown)
            {
                return ValueOrigin.Unknown;
            }

            origin = inputOrigin;
        }

        return origin.AsDerived();
    }

    private static IEnumerable<IOperation> Inputs(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            yield return instance;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                yield return argument.Value;
            }
        }
    }

    private static bool IsStringOrLinqOrUrlType(INamedTypeSymbol? type) =>
        type is not null && (type.SpecialType == SpecialType.System_String
            || (type.Name is "Enumerable" or "Uri" or "WebUtility" or "HttpUtility"
                && (IsInNamespace(type, LinqNamespace) || IsInNamespace(type, SystemNamespace) || IsInNamespace(type, NetNamespace) || IsInNamespace(type, WebNamespace))));

    private static bool IsGetQueueUrl(IMethodSymbol method) =>
        method.Name.StartsWith("GetQueueUrl", StringComparison.Ordinal) && ResourceSlots.IsSdkMember(method);

    /// <summary><c>GetQueueUrlAsync(name)</c> or <c>GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = name })</c>: the queue of that name.</summary>
    private ValueOrigin OfGetQueueUrl(IInvocationOperation invocation, int depth)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value.WalkDownConversion();
            if (value.Type?.SpecialType == SpecialType.System_String)
            {
                return Of(value, depth + 1).AsDerived();
            }

            if (BodyFacts.ResolveThroughLocals(value) is IObjectCreationOperation creation)
            {
                foreach (var write in ObjectMembers.InInitializer(creation))
                {
                    if (write.AssignsProperty("QueueName"))
                    {
                        return Of(write.Value!, depth + 1).AsDerived();
                    }
                }
            }
        }

        return ValueOrigin.Unknown;
    }

    /// <summary>A private method's parameter: the origin every call in the type passes, when they agree.</summary>
    private ValueOrigin OfParameter(IParameterSymbol parameter, int depth)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private } method)
        {
            return ValueOrigin.Unknown;
        }

        EnsureIndexed();
        if (!_privateCalls.TryGetValue(method.NormalizeMember(), out var calls)
            || calls.Count == 0)
        {
            return ValueOrigin.Unknown;
        }

        ValueOrigin? agreed = null;
        foreach (var call in calls)
        {
            IArgumentOperation? argument = null;
            foreach (var candidate in call.Arguments)
            {
                if (candidate.Parameter?.Ordinal == parameter.Ordinal)
                {
                    argument = candidate;
                }
            }

            var origin = argument is null ? ValueOrigin.Unknown : Of(argument.Value, depth + 1);
            if (origin.Kind == OriginKind.Unknown)
            {
                return ValueOrigin.Unknown;
            }

            if (agreed is { } previous && (previous.Kind != origin.Kind || previous.Detail != origin.Detail || previous.RecordSource != origin.RecordSource))
            {
                return ValueOrigin.Unknown;
            }

            agreed ??= origin;
        }

        return agreed ?? ValueOrigin.Unknown;
    }

    /// <summary>
    /// Indexes one body: from what the handler model's walk recorded of it (<see cref="Walked"/>), else by a walk that keeps
    /// only what the index reads (<see cref="Record"/>).
    /// </summary>
    private void Index(IOperation root)
    {
        var parts = (_walked is null ? null : Walked(root, _walked)) ?? new[] { Record(root) };
        foreach (var part in parts)
        {
            foreach (var operation in part)
            {
                IndexOne(operation);
            }
        }
    }

    /// <summary>What the index reads of <paramref name="subtree"/> (<see cref="IsIndexed"/>), in pre-order, as the model's walk records it.</summary>
    private static IOperation[] Record(IOperation subtree)
    {
        var kept = new List<IOperation>();
        OperationWalk.PreOrder(subtree, kept, static (list, operation) =>
        {
            if (IsIndexed(operation))
            {
                list.Add(operation);
            }
        });
        return kept.ToArray();
    }

    /// <summary>
    /// What the model's walk recorded for the body rooted at <paramref name="root"/>, in pre-order: the root's own record
    /// when the driver gave the root as a block (a field initializer), else the records of the root's children when the
    /// driver gave them as blocks, maybe inside implicit wrappers (a method body around its block, a constructor body around
    /// its initializer's call and its block; the root itself indexes nothing), a child the driver never hands over (an
    /// implicit <c>base()</c> call) walked here; null when the walk recorded nothing of the body, and the index walks it.
    /// </summary>
    internal static IOperation[][]? Walked(IOperation root, Func<IOperation, IOperation[]?> walked)
    {
        if (walked(root) is { } whole)
        {
            return new[] { whole };
        }

        if (IsIndexKind(root))
        {
            return null;
        }

        var parts = new List<IOperation[]>();
        var recorded = false;
        foreach (var child in root.ChildOperations)
        {
            if (WalkedPart(child, walked) is { } part)
            {
                parts.Add(part);
                recorded = true;
            }
            else
            {
                // What the driver hands over as no block at all (a constructor's implicit `base()` call): walked here.
                parts.Add(Record(child));
            }
        }

        return recorded ? parts.ToArray() : null;
    }

    private static bool IsIndexKind(IOperation operation) =>
        operation.Kind is OperationKind.Invocation or OperationKind.FieldInitializer or OperationKind.FieldReference;

    /// <summary>
    /// What the index reads (and what the model's walk records for it): a call of a private ordinary method, a field
    /// initializer, a write of a field. <see cref="IndexOne"/> narrows the calls to the type's own methods.
    /// </summary>
    internal static bool IsIndexed(IOperation operation) => operation.Kind switch
    {
        OperationKind.Invocation => ((IInvocationOperation)operation).TargetMethod is { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary },
        OperationKind.FieldInitializer => true,
        OperationKind.FieldReference => BodyFacts.IsWrite(operation, out _),
        _ => false,
    };

    /// <summary>
    /// The record of <paramref name="operation"/>, or of the one operation inside the implicit wrappers the driver does not
    /// hand over (a constructor's <c>: this(...)</c> statement, an expression body's block and statement): a wrapper
    /// indexes nothing itself, so its pre-order is its one child's.
    /// </summary>
    private static IOperation[]? WalkedPart(IOperation operation, Func<IOperation, IOperation[]?> walked)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            if (walked(operation) is { } part)
            {
                return part;
            }

            if (!operation.IsImplicit || IsIndexKind(operation))
            {
                return null;
            }

            IOperation? only = null;
            foreach (var child in operation.ChildOperations)
            {
                if (only is not null)
                {
                    return null;
                }

                only = child;
            }

            if (only is null)
            {
                return null;
            }

            operation = only;
        }

        return null;
    }

    private void IndexOne(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                AddIfPrivateCall(operation);
                break;
            case OperationKind.FieldInitializer:
                AddFieldInitializer(operation);
                break;
            case OperationKind.FieldReference:
                AddIfFieldWrite(operation);
                break;
        }
    }

    private void AddIfPrivateCall(IOperation operation)
    {
        if (operation is IInvocationOperation { TargetMethod: { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } target } invocation
            && SymbolEqualityComparer.Default.Equals(target.ContainingType, _type))
        {
            Add(_privateCalls, target.NormalizeMember() as IMethodSymbol ?? target, invocation);
        }
    }

    private void AddFieldInitializer(IOperation operation)
    {
        var initializer = (IFieldInitializerOperation)operation;
        foreach (var field in initializer.InitializedFields)
        {
            Add(_fieldWrites, field, initializer.Value);
        }
    }

    private void AddIfFieldWrite(IOperation operation)
    {
        if (operation is IFieldReferenceOperation { Field: { } field } reference && BodyFacts.IsWrite(reference, out var value))
        {
            Add(_fieldWrites, field, value);
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<TValue>();
            map.Add(key, list);
        }

        list.Add(value);
    }
}
