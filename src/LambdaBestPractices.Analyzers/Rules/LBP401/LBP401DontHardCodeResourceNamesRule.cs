using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP401: a bucket, table, queue, topic, function, state machine, event bus, secret or parameter named by a string fixed
/// in the source of a Lambda project. A slot is a property or parameter of an AWS SDK type (<see cref="ResourceSlots"/>);
/// any ARN or SQS queue URL passed to the SDK counts too. The value is followed back to where it is written
/// (<see cref="ConstantStrings"/>, the engine's one definition of a constant string), and the diagnostic sits there, once per literal, however many slots it reaches.
/// <para>
/// Deterministic under concurrent execution: every candidate is collected first, and each literal is reported once,
/// through the slot that sorts first (by slot, then by position). A literal in the same type as the slots it reaches is
/// reported at that type's end (live in the IDE); a constant declared in one type and used only by others, at
/// compilation end.
/// </para>
/// </summary>
public sealed class LBP401DontHardCodeResourceNamesRule : LambdaRule
{
    /// <summary>Diagnostic property: the suggested environment variable (<c>ORDERS_BUCKET_NAME</c>).</summary>
    public const string VariableNameProperty = "VariableName";

    /// <summary>Diagnostic property: what the value names, in words (<c>bucket name</c>).</summary>
    public const string KindProperty = "Kind";

    /// <summary>Diagnostic property: the value (resource names are not secrets).</summary>
    public const string ValueProperty = "Value";

    private const int MaxShownLength = 100;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP401_DontHardCodeResourceNames, Descriptors.LBP401_DontHardCodeResourceNames_CrossType);

    /// <summary>Lambda projects that reference the SDK (its clients or its requests hold the slots).</summary>
    internal override bool AppliesTo(LambdaSymbols symbols) =>
        symbols.IsLambdaProject && (!symbols.AmazonServiceClient.IsEmpty || !symbols.AmazonWebServiceRequest.IsEmpty);

    internal override void Start(RuleStart context, LambdaCompilation compilation)
    {
        var rule = new Rule(new Settings(compilation.Settings(context.Options.AnalyzerConfigOptionsProvider)), compilation.Constants, new ModelTables(compilation.Symbols));
        context.RegisterTypeStartAction(rule.OnTypeStart);
        context.RegisterCompilationEndAction(rule.OnCompilationEnd);
    }

    /// <summary>One use of a fixed string in a slot.</summary>
    internal sealed class Candidate
    {
        public Candidate(ConstantString origin, ResourceKind kind, string slot, Location use)
        {
            Origin = origin;
            Kind = kind;
            Slot = slot;
            Use = use;
        }

        public ConstantString Origin { get; }

        public ResourceKind Kind { get; }

        public string Slot { get; }

        public Location Use { get; }

        public Location Location => Origin.Node.GetLocation();
    }

    private sealed class Rule
    {
        private readonly Settings _settings;
        private readonly ConstantStrings _constants;
        private readonly ConcurrentQueue<Candidate> _crossType = new();
        private readonly ConcurrentDictionary<Location, byte> _reportedLive = new();
        private readonly ModelTables _modelTables;
        private readonly WrapperSlots _wrappers = new();

        public Rule(Settings settings, ConstantStrings constants, ModelTables modelTables)
        {
            _settings = settings;
            _constants = constants;
            _modelTables = modelTables;
        }

        /// <summary>Calls and creations (for their arguments), property assignments and collection initializers of SDK members.</summary>
        private static readonly OperationKind[] OperationKinds =
        {
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.SimpleAssignment,
            OperationKind.MemberInitializer,
        };

        public void OnTypeStart(TypeStart context)
        {
            var type = context.Type;
            if (_settings.Code.IsTestOnly(type))
            {
                return;
            }

            _modelTables.OnType(type);
            var candidates = new LazyQueue<Candidate>();
            context.RegisterOperationAction(c => OnOperation(c, type, candidates), OperationKinds);
            context.RegisterSymbolEndAction(c => OnTypeEnd(c, type, candidates));
        }

        private void OnOperation(OperationAnalysisContext context, INamedTypeSymbol type, LazyQueue<Candidate> candidates)
        {
            _modelTables.OnOperation(context.Operation);
            switch (context.Operation)
            {
                case IInvocationOperation { Arguments.IsEmpty: false } invocation when ResourceSlots.IsSdkMember(invocation.TargetMethod):
                    ConsiderArguments(context, type, candidates, invocation.Arguments);
                    break;

                case IInvocationOperation { Arguments.IsEmpty: false, TargetMethod: { MethodKind: MethodKind.Ordinary, DeclaringSyntaxReferences.IsEmpty: false } } invocation:
                    ConsiderWrapperArguments(context, type, invocation);
                    break;

                case IObjectCreationOperation { Arguments.IsEmpty: false, Constructor: { } constructor } creation when ResourceSlots.IsSdkMember(constructor):
                    ConsiderArguments(context, type, candidates, creation.Arguments);
                    break;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: false } property } target } assignment
                    when ResourceSlots.IsSdkMember(property):
                    if (property.Type.SpecialType == SpecialType.System_String)
                    {
                        Consider(context, type, candidates, assignment.Value, ResourceSlots.OfProperty(property), new SlotName(target), property.Name);
                    }
                    else if (ResourceSlots.OfCollectionProperty(property) is { } elementKind && assignment.Value.WalkDownConversion() is IObjectCreationOperation { Initializer: { } initializer })
                    {
                        ConsiderElements(context, type, candidates, initializer, elementKind, target);
                    }

                    break;

                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: { } collection } member, Initializer: { } elements }
                    when ResourceSlots.IsSdkMember(collection) && ResourceSlots.OfCollectionProperty(collection) is { } kind:
                    ConsiderElements(context, type, candidates, elements, kind, member);
                    break;
            }
        }

        /// <summary>
        /// The string arguments of a call or creation of an SDK member (the caller checked the member once; each argument's
        /// parameter belongs to it). Taken from the call, not from an action per argument: arguments are the most numerous
        /// operations there are, and the driver would hand each to the rules.
        /// </summary>
        private void ConsiderArguments(OperationAnalysisContext context, INamedTypeSymbol type, LazyQueue<Candidate> candidates, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument is { Parameter: { } parameter, ArgumentKind: ArgumentKind.Explicit }
                    && parameter.ContainingSymbol is IMethodSymbol method && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    Consider(context, type, candidates, argument.Value, ResourceSlots.OfParameter(parameter), new SlotName(argument, method, parameter), parameter.Name);
                }
            }
        }

        /// <summary>The constant strings a call to a method of the project's own code passes: each may reach an SDK slot there.</summary>
        private void ConsiderWrapperArguments(OperationAnalysisContext context, INamedTypeSymbol type, IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                // Most strings handed to the project's own methods are messages and keys; a resource name has no whitespace,
                // so a literal with some is dropped before it is resolved.
                if (argument is { ArgumentKind: ArgumentKind.Explicit, Parameter: { Type.SpecialType: SpecialType.System_String } parameter }
                    && MayBeConstant(argument.Value)
                    && !(argument.Value.ConstantValue is { HasValue: true, Value: string literal } && !CouldNameAResource(literal))
                    && !_settings.Code.IsTest(argument.Syntax.SyntaxTree)
                    && _constants.Resolve(argument.Value, type, context.CancellationToken) is { } origin
                    && CouldNameAResource(origin.Value)
                    && !_settings.Code.IsTest(origin.Node.SyntaxTree))
                {
                    _wrappers.AddPassedConstant(invocation.TargetMethod, parameter.Ordinal, origin, argument.Value.Syntax.GetLocation());
                }
            }
        }

        /// <summary>A non-empty string without whitespace: what every bucket, table, queue, topic, function and parameter name, ARN and URL is.</summary>
        private static bool CouldNameAResource(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>Names = { "/a", "/b" }</c> and <c>RequestItems = { ["Orders"] = ..., { "Orders", ... } }</c>.</summary>
        private void ConsiderElements(OperationAnalysisContext context, INamedTypeSymbol type, LazyQueue<Candidate> candidates, IObjectOrCollectionInitializerOperation initializer, ResourceKind kind, IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            var slot = new SlotName(reference);
            foreach (var element in initializer.Initializers)
            {
                var value = element switch
                {
                    IInvocationOperation { Arguments.Length: > 0 } add => add.Arguments[0].Value,
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } => indexer.Arguments[0].Value,
                    _ => null,
                };

                if (value?.Type?.SpecialType == SpecialType.System_String)
                {
                    Consider(context, type, candidates, value, kind, slot, property.Name);
                }
            }
        }

        private void Consider(OperationAnalysisContext context, INamedTypeSymbol type, LazyQueue<Candidate> candidates, IOperation value, ResourceKind? slotKind, SlotName slot, string memberName)
        {
            // Cheap rejections first: most SDK arguments (keys, bodies, content types) are not slots and not constants.
            if (slotKind is null && !MayBeConstant(value))
            {
                return;
            }

            var useTree = value.Syntax.SyntaxTree;
            if (_settings.Code.IsTest(useTree))
            {
                return;
            }

            if (_constants.Resolve(value, type, context.CancellationToken) is not { } origin)
            {
                // A wrapper's parameter in a named slot (`UploadAsync(string bucket, ...)` putting into `bucket`): the
                // literals its callers pass are decided at compilation end.
                if (slotKind is { } wrappedKind && ValueOrigins.CallerParameter(value, privateToo: true) is { Parameter: { } parameter }
                    && !_settings.ExcludedSlots(useTree).IsExcluded(slot, memberName, null))
                {
                    _wrappers.AddSlotParameter(parameter, wrappedKind);
                }

                return;
            }

            if (origin.Value.Trim().Length == 0)
            {
                return;
            }

            var kind = slotKind
                ?? (ResourceSlots.LooksLikeArn(origin.Value) ? ResourceKind.Arn
                    : ResourceSlots.LooksLikeQueueUrl(origin.Value) ? ResourceKind.QueueUrl
                    : (ResourceKind?)null);
            if (kind is not { } resolvedKind
                || _settings.ExcludedSlots(useTree).IsExcluded(slot, memberName, slotKind is null ? resolvedKind : null)
                || _settings.Code.IsTest(origin.Node.SyntaxTree))
            {
                return;
            }

            var candidate = new Candidate(origin, resolvedKind, slot.Text, value.Syntax.GetLocation());
            if (SymbolEqualityComparer.Default.Equals(origin.OwnerType, type))
            {
                candidates.Add(candidate);
            }
            else
            {
                _crossType.Enqueue(candidate);
            }
        }

        /// <summary>Shape-only slots need a constant: skip calls, parameters and the like without resolving them.</summary>
        private static bool MayBeConstant(IOperation value) =>
            value.WalkDownConversion() is ILiteralOperation or IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation or IBinaryOperation or IInterpolatedStringOperation
            || value.ConstantValue.HasValue;

        private void OnTypeEnd(SymbolAnalysisContext context, INamedTypeSymbol type, LazyQueue<Candidate> candidates)
        {
            foreach (var chosen in ChooseOnePerLocation(candidates.Items))
            {
                _reportedLive.TryAdd(chosen.Location, 0);
                context.ReportOutsideGeneratedCode(CreateDiagnostic(Descriptors.LBP401_DontHardCodeResourceNames, chosen));
            }
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            var reportedAtEnd = new HashSet<Location>();
            foreach (var chosen in ChooseOnePerLocation(_crossType))
            {
                if (!_reportedLive.ContainsKey(chosen.Location))
                {
                    reportedAtEnd.Add(chosen.Location);
                    context.ReportOutsideGeneratedCode(CreateDiagnostic(Descriptors.LBP401_DontHardCodeResourceNames_CrossType, chosen));
                }
            }

            var wrapped = _wrappers.Candidates(
                context.Compilation,
                (use, wrapper, parameter) => use.SourceTree is { } tree && _settings.ExcludedSlots(tree).IsExcluded("'" + wrapper + "'", parameter, null));
            foreach (var chosen in ChooseOnePerLocation(wrapped))
            {
                if (!_reportedLive.ContainsKey(chosen.Location) && !reportedAtEnd.Contains(chosen.Location))
                {
                    context.ReportOutsideGeneratedCode(CreateDiagnostic(Descriptors.LBP401_DontHardCodeResourceNames_CrossType, chosen));
                }
            }

            foreach (var (literal, table, model) in _modelTables.HardCodedTables(context.CancellationToken))
            {
                var tree = literal.SyntaxTree;
                if (!_settings.Code.IsTest(tree) && !_settings.ExcludedSlots(tree).IsExcluded(ModelTableSlot, ModelTableSlot, null))
                {
                    context.ReportOutsideGeneratedCode(CreateDiagnostic(Descriptors.LBP401_DontHardCodeResourceNames_CrossType, literal.GetLocation(), ResourceKind.TableName, table, $"the [DynamoDBTable] attribute of '{model.Name}'"));
                }
            }
        }

        /// <summary>The name <c>lambda_best_practices.LBP401.excluded_slots</c> turns the model check off with.</summary>
        private const string ModelTableSlot = "DynamoDBTable";

        /// <summary>Per literal, the candidate whose slot sorts first, then whose use comes first: the same every run.</summary>
        private static IEnumerable<Candidate> ChooseOnePerLocation(IEnumerable<Candidate> candidates) =>
            candidates
                .GroupBy(c => c.Location)
                .Select(g => g
                    .OrderBy(c => c.Slot, StringComparer.Ordinal)
                    .ThenBy(c => c.Use.SourceTree?.FilePath, StringComparer.Ordinal)
                    .ThenBy(c => c.Use.SourceSpan.Start)
                    .ThenBy(c => c.Kind)
                    .First());

        private static Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, Candidate candidate) =>
            CreateDiagnostic(descriptor, candidate.Location, candidate.Kind, candidate.Origin.Value, candidate.Slot);

        private static Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, Location location, ResourceKind resourceKind, string value, string slot)
        {
            var kind = ResourceSlots.Describe(resourceKind);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(VariableNameProperty, ResourceVariableNames.Suggest(resourceKind, value))
                .Add(KindProperty, kind)
                .Add(ValueProperty, value);
            var shown = value.Length > MaxShownLength ? value.Substring(0, MaxShownLength) + "..." : value;
            return Diagnostic.Create(descriptor, location, properties, kind, shown, slot);
        }

    }

    /// <summary>
    /// A slot as the message shows it and <c>excluded_slots</c> names it, written out only when a constant reaches it (most
    /// SDK arguments and properties hold no constant, and formatting every one cost more than resolving it).
    /// </summary>
    private readonly struct SlotName
    {
        private readonly IPropertyReferenceOperation? _property;
        private readonly IArgumentOperation? _argument;
        private readonly IMethodSymbol? _method;
        private readonly IParameterSymbol? _parameter;

        public SlotName(IPropertyReferenceOperation property)
        {
            _property = property;
            _argument = null;
            _method = null;
            _parameter = null;
        }

        public SlotName(IArgumentOperation argument, IMethodSymbol method, IParameterSymbol parameter)
        {
            _property = null;
            _argument = argument;
            _method = method;
            _parameter = parameter;
        }

        /// <summary>
        /// The slot as the user wrote it: <c>'PutObjectRequest.BucketName'</c> (the receiver's type, not the base that declares
        /// the property), <c>the 'bucketName' argument of 'AmazonS3Client.GetObjectAsync'</c>.
        /// </summary>
        public string Text =>
            _property is { } reference ? $"'{TypeNameOf(reference.Instance, reference.Property.ContainingType)}.{reference.Property.Name}'"
            : _method!.MethodKind == MethodKind.Constructor ? $"the '{_parameter!.Name}' argument of 'new {_method.ContainingType.Name}(...)'"
            : $"the '{_parameter!.Name}' argument of '{TypeNameOf((_argument!.Parent as IInvocationOperation)?.Instance, _method.ContainingType)}.{_method.Name}'";

        private static string TypeNameOf(IOperation? instance, INamedTypeSymbol declaringType) =>
            instance?.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } receiver ? receiver.Name : declaringType.Name;
    }

    /// <summary>Per syntax tree: test code (the compilation's <see cref="CodeSettings"/>), and the slots <c>lambda_best_practices.LBP401.excluded_slots</c> turns off.</summary>
    private sealed class Settings
    {
        private readonly ConcurrentDictionary<SyntaxTree, SlotExclusions> _trees = new();

        public Settings(CodeSettings code) => Code = code;

        public CodeSettings Code { get; }

        public SlotExclusions ExcludedSlots(SyntaxTree tree) =>
            _trees.TryGetValue(tree, out var known) ? known
            : _trees.GetOrAdd(tree, new SlotExclusions(Code.Options(tree).TryGetValue(OptionKeys.LBP401ExcludedSlots, out var value) ? value : null));
    }

    private sealed class SlotExclusions
    {
        private static readonly char[] ListSeparators = { '|', ',' };

        private readonly HashSet<string> _excluded;

        public SlotExclusions(string? excludedSlots)
        {
            _excluded = new HashSet<string>(
                (excludedSlots ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0),
                StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Whether the option names this slot: its member or parameter name (<c>SecretId</c>, <c>bucketName</c>; case does not
        /// matter), <c>Type.Member</c>, or <c>arn</c> / <c>queue_url</c> for a value recognised by its shape.
        /// </summary>
        public bool IsExcluded(SlotName slot, string memberName, ResourceKind? shapeKind) =>
            _excluded.Count != 0 && IsExcluded(slot.Text, memberName, shapeKind);

        public bool IsExcluded(string slot, string memberName, ResourceKind? shapeKind)
        {
            if (_excluded.Count == 0)
            {
                return false;
            }

            if (shapeKind is { } kind)
            {
                return _excluded.Contains(kind == ResourceKind.Arn ? ResourceSlots.ArnSlot : ResourceSlots.QueueUrlSlot);
            }

            if (_excluded.Contains(memberName))
            {
                return true;
            }

            // `'PutObjectRequest.BucketName'` → PutObjectRequest.BucketName.
            var qualified = slot.Trim('\'');
            return _excluded.Contains(qualified);
        }
    }
}
