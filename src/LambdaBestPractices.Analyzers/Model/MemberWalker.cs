using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Internals;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// One walk over a member's operation tree that records the member's call edges and entry points.
/// Each operation is visited once; nothing here asks for another semantic model.
/// </summary>
internal sealed class MemberWalker
{
    // One walker per thread, reused: the lists and sets keep their capacity between members, and each member's facts are
    // copied out at their exact size. (A walker that grew unusually large is dropped rather than kept.)
    [ThreadStatic]
    private static MemberWalker? t_reusable;

    // Edges kept between members: 2,048 edges of two 16-byte keys stay under the large-object heap's 85,000 bytes.
    private const int MaxRetainedCapacity = 2048;

    private readonly List<(FunctionKey From, FunctionKey To)> _edges = new();
    private readonly List<EntryPoint> _entries = new();

    // Types registered as DI singletons (AddSingleton and its forms): one instance serves every invocation.
    private readonly List<ITypeSymbol> _singletons = new();

    // Lambdas that run once (Lazy<T> factories, LazyInitializer, DI registrations): no edge from their parent.
    private readonly HashSet<SyntaxNode> _initLambdas = new();

    // Handlers passed to LambdaBootstrapBuilder.Create / HandlerWrapper.GetHandlerWrapper (false), and the endpoint and
    // middleware delegates of an ASP.NET Core application on Lambda (true: HTTP, with the request's services).
    private readonly Dictionary<SyntaxNode, bool> _entryLambdas = new();
    private readonly List<ILocalSymbol> _entryLocals = new();
    private Dictionary<ILocalSymbol, (FunctionKey Key, ImmutableArray<IParameterSymbol> Parameters)>? _delegateLocals;

    // The operations the value-origin index reads (ValueOrigins.Index), per block, when the type's bodies are kept.
    private readonly List<IOperation> _indexed = new();
    private TypeBodySet? _indexSink;

    private LambdaSymbols _symbols = null!;
    private IAssemblySymbol _assembly = null!;
    private ConfiguredHandlers _configuredHandlers = ConfiguredHandlers.None;

    public static MemberFacts Walk(LambdaSymbols symbols, ISymbol owningSymbol, ImmutableArray<IOperation> blocks) =>
        Walk(symbols, owningSymbol, blocks, ConfiguredHandlers.None);

    /// <summary>Walks one member body; <paramref name="configuredHandlers"/> are the handler methods named in configuration for its file.</summary>
    public static MemberFacts Walk(LambdaSymbols symbols, ISymbol owningSymbol, ImmutableArray<IOperation> blocks, ConfiguredHandlers configuredHandlers) =>
        Walk(symbols, owningSymbol, blocks, configuredHandlers, indexSink: null);

    /// <summary>
    /// Walks one member body, and hands <paramref name="indexSink"/> (the bodies kept for the type's whole-type rules) what
    /// the value-origin index reads of each block, so that index needs no walk of its own.
    /// </summary>
    public static MemberFacts Walk(LambdaSymbols symbols, ISymbol owningSymbol, ImmutableArray<IOperation> blocks, ConfiguredHandlers configuredHandlers, TypeBodySet? indexSink)
    {
        var walker = t_reusable ?? new MemberWalker();
        t_reusable = null;
        walker._symbols = symbols;
        walker._assembly = symbols.Compilation.Assembly;
        walker._configuredHandlers = configuredHandlers;
        walker._indexSink = indexSink;
        try
        {
            var owner = FunctionKey.ForSymbol(owningSymbol.NormalizeMember());
            walker.AddMemberEdges(owningSymbol, owner);
            foreach (var block in blocks)
            {
                walker.Visit(block, owner);
                if (indexSink is not null)
                {
                    indexSink.AddIndex(block, walker._indexed.Count == 0 ? System.Array.Empty<IOperation>() : walker._indexed.ToArray());
                    walker._indexed.Clear();
                }
            }

            walker.ResolveEntryLocals();
            return new MemberFacts(owningSymbol.ContainingType, ToArray(walker._edges), ToArray(walker._entries), ToArray(walker._singletons));
        }
        finally
        {
            if (walker.Reset())
            {
                t_reusable = walker;
            }
        }
    }

    private static T[] ToArray<T>(List<T> list) => list.Count == 0 ? System.Array.Empty<T>() : list.ToArray();

    /// <summary>Clears the walker for the next member (holding on to no symbol or syntax); false when it is not worth keeping.</summary>
    private bool Reset()
    {
        var keep = _edges.Capacity <= MaxRetainedCapacity;
        _edges.Clear();
        _entries.Clear();
        _singletons.Clear();
        _initLambdas.Clear();
        _entryLambdas.Clear();
        _entryLocals.Clear();
        _delegateLocals = null;
        _indexed.Clear();
        _indexSink = null;
        _symbols = null!;
        _assembly = null!;
        _configuredHandlers = ConfiguredHandlers.None;
        return keep;
    }

    private void AddMemberEdges(ISymbol owningSymbol, FunctionKey owner)
    {
        switch (owningSymbol)
        {
            case IMethodSymbol method:
                if (!_configuredHandlers.IsEmpty && _configuredHandlers.TryGetSources(method, out var configured))
                {
                    // Named by configuration or a deployment file: an entry point whatever its shape. Its event sources are what
                    // its parameters and attributes say; the file's only where they say nothing (a POCO or stream input).
                    var sources = SourcesOf(method.Parameters);
                    foreach (var attribute in AttributesOf(method))
                    {
                        sources |= _symbols.EventSourceOfAttribute(attribute.AttributeClass);
                    }

                    AddEntry(owner, (sources & ~EventSources.Unknown) == EventSources.None ? sources | configured : sources);
                }
                else if (_symbols.AspNetCore is { } web && web.IsRequestMethod(method))
                {
                    // Run by the ASP.NET Core pipeline per request: an action, a controller's constructor, a middleware's Invoke.
                    AddEntry(owner, EventSources.ApiGateway);
                    AddRequestServices(owner, method.Parameters);
                    if (web.IsCreatedPerRequest(method.ContainingType))
                    {
                        AddRequestCreation(method.ContainingType);
                    }
                }
                else
                {
                    AddEntryIfHandler(owner, method.Parameters, AttributesOf(method));
                }

                AddDispatchEdges(method, owner);
                break;

            case IFieldSymbol { IsStatic: false } field when field.ContainingType is not null:
                _edges.Add((FunctionKey.ForInstanceInitializers(field.ContainingType), owner));
                AddEntryIfControllerInitializer(field.ContainingType);
                break;

            case IPropertySymbol { IsStatic: false } property when property.ContainingType is not null:
                _edges.Add((FunctionKey.ForInstanceInitializers(property.ContainingType), owner));
                AddEntryIfControllerInitializer(property.ContainingType);
                break;
        }
    }

    /// <summary>Virtual and interface dispatch: a call to the base or interface member may run this implementation.</summary>
    private void AddDispatchEdges(IMethodSymbol method, FunctionKey owner)
    {
        if (method.IsStatic || method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
        {
            return;
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            _edges.Add((FunctionKey.ForSymbol(overridden.NormalizeMember()), owner));
        }

        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            _edges.Add((FunctionKey.ForSymbol(explicitImplementation.NormalizeMember()), owner));
        }

        var type = method.ContainingType;
        if (type is null || method.DeclaredAccessibility != Accessibility.Public)
        {
            return;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method.OriginalDefinition))
                {
                    _edges.Add((FunctionKey.ForSymbol(interfaceMethod.NormalizeMember()), owner));
                }
            }
        }
    }

    /// <summary>Handler attributes only exist with Lambda Annotations; without it, skip reading attributes at all.</summary>
    private ImmutableArray<AttributeData> AttributesOf(IMethodSymbol method) =>
        _symbols.LambdaFunctionAttribute.IsEmpty ? ImmutableArray<AttributeData>.Empty : method.GetAttributes();

    /// <summary>
    /// Records <paramref name="key"/> as an entry point when it is a handler. Most members are not, so the cheap test comes
    /// first and the event sources are read only for handlers.
    /// </summary>
    private void AddEntryIfHandler(FunctionKey key, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<AttributeData> attributes)
    {
        if (!IsHandler(parameters, attributes))
        {
            return;
        }

        var sources = SourcesOf(parameters);
        foreach (var attribute in attributes)
        {
            sources |= _symbols.EventSourceOfAttribute(attribute.AttributeClass);
        }

        AddEntry(key, sources);
    }

    private bool IsHandler(ImmutableArray<IParameterSymbol> parameters, ImmutableArray<AttributeData> attributes)
    {
        if (!_symbols.ILambdaContext.IsEmpty)
        {
            foreach (var parameter in parameters)
            {
                if (_symbols.IsLambdaContext(parameter.Type))
                {
                    return true;
                }
            }
        }

        foreach (var attribute in attributes)
        {
            if (LambdaSymbols.Contains(_symbols.LambdaFunctionAttribute, attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A controller or page model is created per request: its instance initializers run on the invocation path (also without a constructor of its own).</summary>
    private void AddEntryIfControllerInitializer(INamedTypeSymbol type)
    {
        if (_symbols.AspNetCore is { } web && web.IsCreatedPerRequest(type))
        {
            AddRequestCreation(type);
        }
    }

    /// <summary>
    /// What creating <paramref name="type"/> per request runs besides its own constructor: its instance initializers, and
    /// those and the parameterless constructor of its source base classes (a base controller's <c>base()</c> runs with
    /// every derived controller, written or not).
    /// </summary>
    private void AddRequestCreation(INamedTypeSymbol type)
    {
        AddEntry(FunctionKey.ForInstanceInitializers(type.OriginalDefinition), EventSources.ApiGateway);
        for (var current = type.BaseType; current is not null && IsInSource(current); current = current.BaseType)
        {
            AddEntry(FunctionKey.ForInstanceInitializers(current.OriginalDefinition), EventSources.ApiGateway);
            foreach (var constructor in current.InstanceConstructors)
            {
                if (constructor.Parameters.IsEmpty && !constructor.IsImplicitlyDeclared)
                {
                    AddEntry(FunctionKey.ForSymbol(constructor.NormalizeMember()), EventSources.ApiGateway);
                }
            }
        }
    }

    /// <summary>
    /// The parameters of a request entry that the container fills per request (a controller's constructor, a minimal-API
    /// delegate's services, a middleware's <c>Invoke</c> services): their scoped and transient factories run with it.
    /// </summary>
    private void AddRequestServices(FunctionKey entry, ImmutableArray<IParameterSymbol> parameters) =>
        AddParameterServices(entry, parameters, fromScope: true);

    /// <summary>
    /// What the container runs to fill <paramref name="parameters"/> when <paramref name="from"/> runs: their transient
    /// factories, and from a scope their scoped ones too.
    /// </summary>
    private void AddParameterServices(FunctionKey from, ImmutableArray<IParameterSymbol> parameters, bool fromScope)
    {
        foreach (var parameter in parameters)
        {
            _edges.Add((from, FunctionKey.ForServiceFactories(parameter.Type, transient: true)));
            if (fromScope)
            {
                _edges.Add((from, FunctionKey.ForServiceFactories(parameter.Type, transient: false)));
            }
        }
    }

    private void AddEntry(FunctionKey key, EventSources sources) =>
        _entries.Add(new EntryPoint(key, sources == EventSources.None ? EventSources.Unknown : sources));

    // Dispatch on OperationKind, not on interface type tests: this runs for every operation of every member body.
    private void Visit(IOperation operation, FunctionKey current)
    {
        switch (operation.Kind)
        {
            case OperationKind.AnonymousFunction:
                {
                    var lambda = (IAnonymousFunctionOperation)operation;
                    var key = FunctionKey.ForLambda(lambda.Syntax);
                    if (!_initLambdas.Contains(lambda.Syntax))
                    {
                        _edges.Add((current, key));
                    }

                    if (_entryLambdas.TryGetValue(lambda.Syntax, out var request))
                    {
                        AddEntry(key, request ? SourcesOf(lambda.Symbol.Parameters) | EventSources.ApiGateway : BootstrapSourcesOf(lambda.Symbol.Parameters));
                        if (request)
                        {
                            AddRequestServices(key, lambda.Symbol.Parameters);
                        }
                    }
                    else
                    {
                        AddEntryIfHandler(key, lambda.Symbol.Parameters, ImmutableArray<AttributeData>.Empty);
                    }

                    VisitChildren(operation, key);
                    return;
                }

            case OperationKind.LocalFunction:
                {
                    var localFunction = ((ILocalFunctionOperation)operation).Symbol;
                    var key = FunctionKey.ForSymbol(localFunction);
                    AddEntryIfHandler(key, localFunction.Parameters, AttributesOf(localFunction));
                    VisitChildren(operation, key);
                    return;
                }

            case OperationKind.Invocation:
                VisitInvocation((IInvocationOperation)operation, current);
                break;

            case OperationKind.ObjectCreation:
                VisitCreation((IObjectCreationOperation)operation, current);
                break;

            case OperationKind.MethodReference:
                AddCallEdge(current, ((IMethodReferenceOperation)operation).Method);
                break;

            case OperationKind.PropertyReference:
                VisitPropertyReference((IPropertyReferenceOperation)operation, current);
                break;

            case OperationKind.FieldReference:
                if (_indexSink is not null && ValueOrigins.IsIndexed(operation))
                {
                    _indexed.Add(operation);
                }

                break;

            case OperationKind.FieldInitializer:
                {
                    var fieldInitializer = (IFieldInitializerOperation)operation;
                    if (_indexSink is not null)
                    {
                        _indexed.Add(operation);
                    }

                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        AddDelegateStore(field, fieldInitializer.Value);
                    }

                    break;
                }

            case OperationKind.PropertyInitializer:
                {
                    var propertyInitializer = (IPropertyInitializerOperation)operation;
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        AddDelegateStore(property, propertyInitializer.Value);
                    }

                    break;
                }

            case OperationKind.SimpleAssignment:
            case OperationKind.CoalesceAssignment:
                {
                    var assignment = (IAssignmentOperation)operation;
                    if (StoredMember(assignment.Target) is { } member)
                    {
                        AddDelegateStore(member, assignment.Value);
                    }

                    break;
                }

            case OperationKind.VariableDeclarator:
                var declarator = (IVariableDeclaratorOperation)operation;
                if (declarator.Initializer is { } initializer && DelegateTarget(initializer.Value) is { } target)
                {
                    (_delegateLocals ??= new(SymbolEqualityComparer.Default))[declarator.Symbol] = target;
                }

                break;
        }

        VisitChildren(operation, current);
    }

    private void VisitChildren(IOperation operation, FunctionKey current)
    {
        foreach (var child in operation.ChildOperations)
        {
            Visit(child, current);
        }
    }

    private void VisitInvocation(IInvocationOperation invocation, FunctionKey current)
    {
        var method = invocation.TargetMethod;
        if (_indexSink is not null && ValueOrigins.IsIndexed(invocation))
        {
            _indexed.Add(invocation);
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            // `_factory(endpoint)`, `Factory.Invoke(endpoint)`, `_factory?.Invoke(endpoint)`: runs what was stored there.
            if (StoredMember(Receiver(invocation.Instance)) is { } member)
            {
                _edges.Add((current, FunctionKey.ForStoredDelegates(member)));
            }

            return;
        }

        AddCallEdge(current, method);

        var containingType = method.ContainingType;
        if (containingType is null)
        {
            return;
        }

        if ((method.Name == KnownTypes.LambdaBootstrapBuilderCreate && LambdaSymbols.Contains(_symbols.LambdaBootstrapBuilder, containingType))
            || (method.Name == KnownTypes.HandlerWrapperGetHandlerWrapper && LambdaSymbols.Contains(_symbols.HandlerWrapper, containingType)))
        {
            MarkHandlerArgument(invocation.Arguments);
        }
        else if (_symbols.AspNetCore is { } web && web.RegistersRequestDelegates(method))
        {
            MarkRequestDelegates(invocation.Arguments);
        }
        else if (LambdaSymbols.Contains(_symbols.LazyInitializer, containingType))
        {
            MarkInitLambdas(invocation.Arguments);
        }
        else if (IsDependencyInjection(method))
        {
            VisitDependencyInjectionCall(invocation, current);
        }
    }

    /// <summary>
    /// A registration's factory runs when the container builds the service: once for a singleton (init code, no edge from
    /// the registering method); once per scope for <c>AddScoped</c> and per resolution for <c>AddTransient</c>, so those
    /// hang under the service type's nodes (<see cref="FunctionKey.ForServiceFactories"/>), which the invocation path
    /// reaches by resolving that service: from a scope (a scope per message), scoped and transient; from the root provider,
    /// transient only. An implementation the container constructs resolves its constructor's parameters the same way.
    /// </summary>
    private void VisitDependencyInjectionCall(IInvocationOperation invocation, FunctionKey current)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        if (name is "GetService" or "GetRequiredService" or "GetKeyedService" or "GetRequiredKeyedService")
        {
            if (ResolvedService(invocation) is { } resolved)
            {
                _edges.Add((current, FunctionKey.ForServiceFactories(resolved, transient: true)));
                if (ResolvesFromAScope(invocation))
                {
                    _edges.Add((current, FunctionKey.ForServiceFactories(resolved, transient: false)));
                }
            }

            return;
        }

        MarkInitLambdas(invocation.Arguments);
        if (name is "AddSingleton" or "TryAddSingleton" or "AddKeyedSingleton" or "TryAddKeyedSingleton")
        {
            RecordSingleton(invocation);
            return;
        }

        var scoped = name is "AddScoped" or "TryAddScoped" or "AddKeyedScoped" or "TryAddKeyedScoped";
        var transient = name is "AddTransient" or "TryAddTransient" or "AddKeyedTransient" or "TryAddKeyedTransient";
        var typeArguments = method.TypeArguments;
        if ((!scoped && !transient) || typeArguments.IsEmpty)
        {
            return;
        }

        var service = FunctionKey.ForServiceFactories(typeArguments[0], transient);
        var hasFactory = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.WalkDownConversion() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                hasFactory = true;
                _edges.Add((service, FunctionKey.ForLambda(lambda.Syntax)));
            }
        }

        // `AddScoped<IOrders, Orders>()`, `AddTransient<Orders>()`: the container runs the constructor it can satisfy with
        // the most parameters (public ones only), the type's initializers, and resolves the constructor's parameters.
        if (!hasFactory && typeArguments[typeArguments.Length - 1] is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } implementation
            && IsInSource(implementation) && ContainerConstructor(implementation) is { } constructor)
        {
            _edges.Add((service, FunctionKey.ForSymbol(constructor.NormalizeMember())));
            _edges.Add((service, FunctionKey.ForInstanceInitializers(implementation.OriginalDefinition)));
            // A scoped service's dependencies come from its scope; a transient one may be resolved from the root provider,
            // which builds a scoped dependency once: only their transient factories run with it.
            AddParameterServices(service, constructor.Parameters, fromScope: !transient);
        }
    }

    /// <summary>
    /// <c>AddSingleton&lt;IOrders, Orders&gt;()</c>, <c>AddSingleton(typeof(Orders))</c>, <c>AddSingleton(new Orders())</c>,
    /// <c>AddSingleton&lt;IOrders&gt;(sp =&gt; ...)</c>: every type named (service and implementation) has one instance for the
    /// container's life, shared by all invocations (<see cref="HandlerModel.IsSingleton"/>).
    /// </summary>
    private void RecordSingleton(IInvocationOperation invocation)
    {
        foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
        {
            AddSingleton(typeArgument);
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value.WalkDownConversion();
            if (value is ITypeOfOperation typeOf)
            {
                AddSingleton(typeOf.TypeOperand);
            }
            else if (value is IObjectCreationOperation or IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation
                && !(invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0))
            {
                AddSingleton(value.Type);
            }
        }
    }

    private void AddSingleton(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Interface or TypeKind.Struct } named)
        {
            _singletons.Add(named.OriginalDefinition);
        }
    }

    /// <summary>The service a resolution names: <c>GetRequiredService&lt;T&gt;()</c>, or <c>GetService(typeof(T))</c>.</summary>
    private static ITypeSymbol? ResolvedService(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.TypeArguments.Length == 1)
        {
            return invocation.TargetMethod.TypeArguments[0];
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.WalkDownConversion() is ITypeOfOperation typeOf)
            {
                return typeOf.TypeOperand;
            }
        }

        return null;
    }

    /// <summary>
    /// A resolution from a scope's own provider (<c>scope.ServiceProvider</c> on an <c>IServiceScope</c> or
    /// <c>AsyncServiceScope</c>); not from a provider kept in a field or property, nor one handed in as a parameter: that
    /// may be the root provider, which keeps scoped services for its whole life.
    /// </summary>
    private static bool ResolvesFromAScope(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 && invocation.TargetMethod.IsExtensionMethod ? invocation.Arguments[0].Value : null);
        return receiver?.WalkDownConversion() is IPropertyReferenceOperation { Property: { Name: "ServiceProvider", ContainingType: { } scope } }
            && (scope.Name is "IServiceScope" or "AsyncServiceScope" || scope.AllInterfaces.Any(i => i.Name == "IServiceScope"))
            && scope.ContainingNamespace.IsNamespace(KnownTypes.DependencyInjectionNamespaceParts);
    }

    /// <summary>
    /// The constructor the container builds <paramref name="implementation"/> with: the public one with the most parameters
    /// (what it picks when it can satisfy it), or null. With <paramref name="activatorUtilities"/> (how MVC creates
    /// controllers and page models), one marked <c>[ActivatorUtilitiesConstructor]</c> comes first.
    /// </summary>
    internal static IMethodSymbol? ContainerConstructor(INamedTypeSymbol implementation, bool activatorUtilities = false)
    {
        IMethodSymbol? chosen = null;
        foreach (var constructor in implementation.InstanceConstructors)
        {
            if (activatorUtilities && constructor.GetAttributes().Any(a => a.AttributeClass is { Name: "ActivatorUtilitiesConstructorAttribute" }))
            {
                return constructor;
            }

            if (constructor.DeclaredAccessibility == Accessibility.Public && (chosen is null || constructor.Parameters.Length > chosen.Parameters.Length))
            {
                chosen = constructor;
            }
        }

        return chosen;
    }

    private void VisitCreation(IObjectCreationOperation creation, FunctionKey current)
    {
        if (creation.Constructor is { } constructor)
        {
            AddCallEdge(current, constructor);
        }

        // Every constructor runs the instance field and property initializers of its type and of its base types.
        for (var type = creation.Type as INamedTypeSymbol; type is not null && IsInSource(type); type = type.BaseType)
        {
            _edges.Add((current, FunctionKey.ForInstanceInitializers(type.OriginalDefinition)));
        }

        if (LambdaSymbols.Contains(_symbols.Lazy, creation.Type))
        {
            MarkInitLambdas(creation.Arguments);
        }
    }

    private void VisitPropertyReference(IPropertyReferenceOperation reference, FunctionKey current)
    {
        var property = reference.Property;
        var isWrite = reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
        var isReadWrite = reference.Parent is ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation;
        if ((!isWrite || isReadWrite) && property.GetMethod is { } getter)
        {
            AddCallEdge(current, getter);
        }

        if ((isWrite || isReadWrite) && property.SetMethod is { } setter)
        {
            AddCallEdge(current, setter);
        }
    }

    private void AddCallEdge(FunctionKey current, IMethodSymbol method)
    {
        // Filter on the symbol as bound (assembly, virtualness and kind are the same on its normalized form), and normalize
        // only what becomes an edge: most calls and property reads target non-virtual metadata members.
        if (IsInSource(method) || method.IsVirtual || method.IsAbstract || method.MethodKind == MethodKind.LocalFunction || method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            _edges.Add((current, FunctionKey.ForSymbol(method.NormalizeMember())));
        }
    }

    private bool IsInSource(ISymbol symbol) => symbol.IsIn(_assembly);

    /// <summary>Every delegate argument of an endpoint map, <c>Use</c> or <c>Run</c>: each runs per request.</summary>
    private void MarkRequestDelegates(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            switch (argument.Value.WalkDownConversion())
            {
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                    _entryLambdas[lambda.Syntax] = true;
                    break;
                case IDelegateCreationOperation { Target: IMethodReferenceOperation methodReference }:
                    var key = FunctionKey.ForSymbol(methodReference.Method.NormalizeMember());
                    AddEntry(key, EventSources.ApiGateway);
                    AddRequestServices(key, methodReference.Method.Parameters);
                    break;
            }
        }
    }

    private void MarkHandlerArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        // The handler is the first delegate-typed argument (the serializer, if any, comes second).
        foreach (var argument in arguments)
        {
            var value = argument.Value.WalkDownConversion();
            switch (value)
            {
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                    _entryLambdas[lambda.Syntax] = false;
                    return;
                case IDelegateCreationOperation { Target: IMethodReferenceOperation methodReference }:
                    AddEntry(FunctionKey.ForSymbol(methodReference.Method.NormalizeMember()), BootstrapSourcesOf(methodReference.Method.Parameters));
                    return;
                case ILocalReferenceOperation local when local.Type?.TypeKind == TypeKind.Delegate:
                    _entryLocals.Add(local.Local);
                    return;
            }
        }
    }

    private void MarkInitLambdas(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value.WalkDownConversion() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                _initLambdas.Add(lambda.Syntax);
            }
        }
    }

    private void ResolveEntryLocals()
    {
        if (_delegateLocals is null)
        {
            return;
        }

        foreach (var local in _entryLocals)
        {
            if (_delegateLocals.TryGetValue(local, out var target))
            {
                AddEntry(target.Key, BootstrapSourcesOf(target.Parameters));
            }
        }
    }

    /// <summary>A lambda, anonymous method or method group stored in a delegate-typed field or property of this compilation.</summary>
    private void AddDelegateStore(ISymbol member, IOperation value)
    {
        if (member is IFieldSymbol { Type.TypeKind: TypeKind.Delegate } or IPropertySymbol { Type.TypeKind: TypeKind.Delegate }
            && IsInSource(member)
            && DelegateTarget(value) is { } target)
        {
            _edges.Add((FunctionKey.ForStoredDelegates(member.NormalizeMember()), target.Key));
        }
    }

    /// <summary>The field or property <paramref name="reference"/> reads or writes, or null.</summary>
    private static ISymbol? StoredMember(IOperation? reference) => reference switch
    {
        IFieldReferenceOperation field => field.Field.NormalizeMember(),
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.NormalizeMember(),
        _ => null,
    };

    /// <summary>The receiver of a call, through a conversion and a <c>?.</c>.</summary>
    private static IOperation? Receiver(IOperation? instance)
    {
        instance = instance?.WalkDownConversion();
        if (instance is IConditionalAccessInstanceOperation)
        {
            for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    return access.Operation.WalkDownConversion();
                }
            }
        }

        return instance;
    }

    private static (FunctionKey Key, ImmutableArray<IParameterSymbol> Parameters)? DelegateTarget(IOperation value) =>
        value.WalkDownConversion() switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => (FunctionKey.ForLambda(lambda.Syntax), lambda.Symbol.Parameters),
            IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => (FunctionKey.ForSymbol(reference.Method.NormalizeMember()), reference.Method.Parameters),
            _ => null,
        };

    /// <summary>
    /// A bootstrap handler's sources: what its parameters say, else what a deployment file connects to the function whose
    /// handler is this executable assembly.
    /// </summary>
    private EventSources BootstrapSourcesOf(ImmutableArray<IParameterSymbol> parameters)
    {
        var sources = SourcesOf(parameters);
        return (sources & ~EventSources.Unknown) == EventSources.None ? sources | _configuredHandlers.BootstrapSources : sources;
    }

    private EventSources SourcesOf(ImmutableArray<IParameterSymbol> parameters)
    {
        var sources = EventSources.None;
        foreach (var parameter in parameters)
        {
            sources |= _symbols.EventSourceOfType(parameter.Type);
        }

        return sources;
    }

    /// <summary>
    /// Microsoft.Extensions.DependencyInjection's registrations (also the <c>TryAdd*</c> of its <c>.Extensions</c>
    /// namespace) and resolutions (extension methods and <c>IServiceProvider.GetService</c>).
    /// </summary>
    private static bool IsDependencyInjection(IMethodSymbol method) =>
        method.ContainingNamespace.IsNamespace(KnownTypes.DependencyInjectionNamespaceParts)
        || method.ContainingNamespace.IsNamespace(KnownTypes.DependencyInjectionExtensionsNamespaceParts)
        || (method.Name == "GetService" && method.ContainingType is { Name: "IServiceProvider", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
}
