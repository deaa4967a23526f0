using System.Collections.Generic;
using System.Collections.Immutable;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP205: on a handler's invocation path, request data (<see cref="RequestData"/>: the event, a record, the context's
/// request ID or identity, a handler's input, and what is parsed or built from them) written to state that outlives the
/// invocation (<see cref="SharedState"/>): a static field or property, an object or collection one holds, or a member of a
/// DI singleton. The execution environment serves the next request with the same statics and singletons: a later invocation
/// reads another caller's data (a header set on a shared <c>HttpClient</c>, a user ID kept for logging, a growing list), and
/// concurrent invocations overwrite each other's. Left alone: caches whose stored value is not request data (clients keyed
/// by region), numbers and flags (counters and gauges for metrics), <c>AsyncLocal&lt;T&gt;</c>/<c>ThreadLocal&lt;T&gt;</c>, and
/// init code. No code fix: where the data should live (a local, a parameter, a scoped service) is a design decision.
/// </summary>
public sealed class LBP205DontKeepRequestDataInStaticStateRule : PathRule
{
    private static readonly string[] LinqNamespace = { "System", "Linq" };
    private static readonly string[] ImmutableCollectionsNamespace = { "System", "Collections", "Immutable" };
    private static readonly string[] MetricsNamespace = { "System", "Diagnostics", "Metrics" };

    private static readonly WordSet RequestWords = WordSet.Of("ILambdaContext", "Events", "LambdaFunction");

    /// <summary>Calls that put their arguments into the collection (or builder) they are called on.</summary>
    private static readonly HashSet<string> StoringMethods = new(System.StringComparer.Ordinal)
    {
        "Add", "AddRange", "TryAdd", "AddOrUpdate", "GetOrAdd", "TryUpdate", "Enqueue", "Push", "Insert", "InsertRange",
        "Append", "AppendLine", "AddFirst", "AddLast",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP205_DontKeepRequestDataInStaticState, Descriptors.LBP205_DontKeepRequestDataInStaticState_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP205_DontKeepRequestDataInStaticState;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP205_DontKeepRequestDataInStaticState_CrossType;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        var compilation = LambdaCompilation.For(symbols.Compilation);
        var model = compilation.Handlers;
        if (!compilation.Prefilter.Mentions(context.Type, RequestWords, context.CancellationToken))
        {
            return false;
        }

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (IAssignmentOperation)c.Operation;
                if (SharedState.Of(assignment.Target) is not { } state || AssignedData(assignment, symbols) is not { } data)
                {
                    return;
                }

                sites.Add(new SharedStateSite(assignment.ContainingFunction(c.ContainingSymbol), assignment.Syntax.GetLocation(), state, data, model));
            },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.CoalesceAssignment);

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                if (!StoringMethods.Contains(method.Name) || MakesANewValue(method))
                {
                    return;
                }

                var collection = method.IsExtensionMethod ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null) : invocation.Instance;
                if (SharedState.Of(collection) is not { } state || StoredData(invocation, symbols) is not { } data)
                {
                    return;
                }

                // `s_seen?.Add(id)` is reported as a whole, like `s_seen.Add(id)`.
                IOperation call = invocation.Parent is IConditionalAccessOperation access && access.WhenNotNull == invocation ? access : invocation;
                sites.Add(new SharedStateSite(invocation.ContainingFunction(c.ContainingSymbol), call.Syntax.GetLocation(), state, data, model));
            },
            OperationKind.Invocation);
        return true;
    }

    /// <summary>
    /// The request data an assignment keeps: the value (<c>s_user = request.User</c>); or, for an element of a collection,
    /// its key (<c>s_seen[message.MessageId] = true</c>), unless the value is a client (a cache of clients per region).
    /// </summary>
    private static IOperation? AssignedData(IAssignmentOperation assignment, LambdaSymbols symbols)
    {
        if (IsKeptData(assignment.Target.Type) && RequestData.Find(assignment.Value, symbols) is { } data)
        {
            return data;
        }

        if (assignment.Target.WalkDownConversion() is not IPropertyReferenceOperation { Property.IsIndexer: true } element || IsCacheOfComputedValues(assignment.Value, symbols))
        {
            return null;
        }

        foreach (var key in element.Arguments)
        {
            if (IsKeptData(key.Value.Type) && RequestData.Find(key.Value, symbols) is { } keyData)
            {
                return keyData;
            }
        }

        return null;
    }

    /// <summary>
    /// The request data a storing call puts in: an item or value (<c>s_seen.Add(id)</c>, <c>s_bodies.TryAdd(id, body)</c>),
    /// else a key, index or name given with it (<c>s_seen.TryAdd(message.MessageId, true)</c>). Not a call that stores a
    /// client or runs a factory (<c>s_clients.GetOrAdd(record.AwsRegion, r =&gt; new AmazonS3Client(...))</c>): a cache of
    /// request-independent values, keyed by what the request names. A cancellation token is not stored.
    /// </summary>
    private static IOperation? StoredData(IInvocationOperation invocation, LambdaSymbols symbols)
    {
        IOperation? keyData = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || (parameter.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod) || argument.IsImplicit
                || parameter.Type.Name == "CancellationToken")
            {
                continue;
            }

            var value = argument.Value.WalkDownConversion();
            if (IsCacheOfComputedValues(value, symbols))
            {
                return null;
            }

            if (!IsKeptData(value.Type) || RequestData.Find(value, symbols) is not { } data)
            {
                continue;
            }

            if (parameter.Name is not ("key" or "index" or "name"))
            {
                return data;
            }

            keyData ??= data;
        }

        return keyData;
    }

    /// <summary>A factory (its values are computed, not handed in) or an SDK client: what a per-key cache of clients stores.</summary>
    private static bool IsCacheOfComputedValues(IOperation value, LambdaSymbols symbols) =>
        value.WalkDownConversion() is IDelegateCreationOperation or IAnonymousFunctionOperation || symbols.IsClientOrClientLike(value.WalkDownConversion().Type);

    /// <summary>
    /// <c>Enumerable.Append</c>, <c>ImmutableList.Add</c>, <c>string.Insert</c>: a new value, the receiver unchanged; and
    /// <c>Counter&lt;T&gt;.Add</c> of System.Diagnostics.Metrics, a measurement (its tags are dimensions, not kept data).
    /// </summary>
    private static bool MakesANewValue(IMethodSymbol method)
    {
        var type = method.ContainingType;
        var ns = type.ContainingNamespace;
        return type.SpecialType == SpecialType.System_String
            || (type.Name == "Enumerable" && ns.IsNamespace(LinqNamespace))
            || ns.IsNamespace(ImmutableCollectionsNamespace)
            || ns.IsNamespace(MetricsNamespace);
    }

    /// <summary>
    /// Data a later invocation could read as its own: not numbers, flags, enums, times or durations, which code keeps for
    /// metrics (counters, gauges, the last batch's size).
    /// </summary>
    private static bool IsKeptData(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_DateTime
                or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return false;
        }

        return type.TypeKind != TypeKind.Enum && type is not { Name: "TimeSpan" or "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
    }

    /// <summary>Live, at the type's end: static state reached from a handler of the type. A singleton's member waits for every registration.</summary>
    private protected override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, EventSources sources) =>
        site is SharedStateSite shared && sources != EventSources.None && shared.State.StaticRoot is not null ? shared.Report(descriptor, shared.State.DescribeStatic()) : null;

    /// <summary>At compilation end: static state reached from a handler elsewhere, and members of the types registered as singletons.</summary>
    private protected override Diagnostic? CreateCrossTypeDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, Reachability reach)
    {
        if (site is not SharedStateSite shared || reach.SourcesReaching(site.Function) == EventSources.None)
        {
            return null;
        }

        if (shared.State.StaticRoot is not null)
        {
            return shared.Report(descriptor, shared.State.DescribeStatic());
        }

        if (shared.State.WrittenMember is IPropertySymbol { ContainingType.TypeKind: TypeKind.Interface } property && SharedState.IsImplementedOverPerContextState(property, shared.Model.Singletons))
        {
            return null;
        }

        foreach (var candidate in shared.State.SingletonCandidates)
        {
            if (shared.Model.IsSingleton(candidate))
            {
                return shared.Report(descriptor, "the DI singleton '" + candidate.Name + "'");
            }
        }

        return null;
    }

    /// <summary>One write of request data into shared state.</summary>
    private sealed class SharedStateSite : RuleSite
    {
        private const int MaxShown = 60;

        public SharedStateSite(FunctionKey function, Location location, SharedState state, IOperation data, HandlerModel model)
            : base(function, location)
        {
            State = state;
            _data = data.Syntax;
            Model = model;
        }

        public SharedState State { get; }

        private readonly SyntaxNode _data;

        /// <summary>The compilation's handler model, which knows the DI singletons at compilation end.</summary>
        public HandlerModel Model { get; }

        /// <summary>The diagnostic; the request data is shown as the code reads it (<c>request.Headers["Authorization"]</c>): code, never a value.</summary>
        public Diagnostic Report(DiagnosticDescriptor descriptor, string where) => Diagnostic.Create(descriptor, Location, Describe(_data), where);

        // The rule decides (CreateDiagnostic and CreateCrossTypeDiagnostic above).
        public override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources) => null;

        private static string Describe(SyntaxNode syntax)
        {
            var text = string.Join(" ", syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= MaxShown ? text : text.Substring(0, MaxShown - 3) + "...";
        }
    }
}
