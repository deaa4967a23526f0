using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using LambdaBestPractices.Analyzers.Internals;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The symbol table of one compilation: every AWS, Lambda, CDK and .NET type a rule matches (<see cref="KnownTypes"/>),
/// resolved once, when the compilation's <see cref="LambdaCompilation"/> is created, and shared by every rule and fix.
/// Each name resolves to every type that carries it (a user shim or a test stub may duplicate a name), so matching is by
/// set membership, never by a single "best" guess that could pick the wrong copy, and never by display string.
/// </summary>
internal sealed class LambdaSymbols
{
    private readonly Dictionary<INamedTypeSymbol, EventSources> _eventTypes;
    private readonly Dictionary<INamedTypeSymbol, EventSources> _eventAttributes;

    internal LambdaSymbols(Compilation compilation)
    {
        Compilation = compilation;
        ILambdaContext = Resolve(compilation, KnownTypes.ILambdaContext);
        LambdaFunctionAttribute = Resolve(compilation, KnownTypes.LambdaFunctionAttribute);
        LambdaBootstrapBuilder = Resolve(compilation, KnownTypes.LambdaBootstrapBuilder);
        HandlerWrapper = Resolve(compilation, KnownTypes.HandlerWrapper);

        _eventTypes = new Dictionary<INamedTypeSymbol, EventSources>(SymbolEqualityComparer.Default);
        Add(_eventTypes, compilation, KnownTypes.SqsEvent, EventSources.Sqs);
        Add(_eventTypes, compilation, KnownTypes.SnsEvent, EventSources.Sns);
        Add(_eventTypes, compilation, KnownTypes.S3Event, EventSources.S3);
        Add(_eventTypes, compilation, KnownTypes.KinesisEvent, EventSources.Kinesis);
        Add(_eventTypes, compilation, KnownTypes.DynamoDBEvent, EventSources.DynamoDBStream);
        Add(_eventTypes, compilation, KnownTypes.CloudWatchEvent, EventSources.EventBridge);
        Add(_eventTypes, compilation, KnownTypes.ScheduledEvent, EventSources.EventBridge);
        Add(_eventTypes, compilation, KnownTypes.KafkaEvent, EventSources.Kafka);

        _eventAttributes = new Dictionary<INamedTypeSymbol, EventSources>(SymbolEqualityComparer.Default);
        Add(_eventAttributes, compilation, KnownTypes.SqsEventAttribute, EventSources.Sqs);
        Add(_eventAttributes, compilation, KnownTypes.SnsEventAttribute, EventSources.Sns);
        Add(_eventAttributes, compilation, KnownTypes.S3EventAttribute, EventSources.S3);
        Add(_eventAttributes, compilation, KnownTypes.DynamoDBEventAttribute, EventSources.DynamoDBStream);
        Add(_eventAttributes, compilation, KnownTypes.ScheduleEventAttribute, EventSources.EventBridge);
        Add(_eventAttributes, compilation, KnownTypes.HttpApiAttribute, EventSources.ApiGateway);
        Add(_eventAttributes, compilation, KnownTypes.RestApiAttribute, EventSources.ApiGateway);

        AmazonServiceClient = Resolve(compilation, KnownTypes.AmazonServiceClient);
        DynamoDBContext = Resolve(compilation, KnownTypes.DynamoDBContext);
        TransferUtility = Resolve(compilation, KnownTypes.TransferUtility);
        DynamoDBContextBuilder = Resolve(compilation, KnownTypes.DynamoDBContextBuilder);
        HttpClient = Resolve(compilation, KnownTypes.HttpClient);
        Lazy = Resolve(compilation, KnownTypes.Lazy1);
        LazyInitializer = Resolve(compilation, KnownTypes.LazyInitializer);
        AmazonWebServiceRequest = Resolve(compilation, KnownTypes.AmazonWebServiceRequest);
        IdempotentAttribute = Resolve(compilation, KnownTypes.IdempotentAttribute);
        DynamoDBHashKeyAttribute = Resolve(compilation, KnownTypes.DynamoDBHashKeyAttribute);
        DynamoDBRangeKeyAttribute = Resolve(compilation, KnownTypes.DynamoDBRangeKeyAttribute);

        RegionEndpoint = Resolve(compilation, KnownTypes.RegionEndpoint);
        ClientConfig = Resolve(compilation, KnownTypes.ClientConfig);
        AWSConfigs = Resolve(compilation, KnownTypes.AWSConfigs);

        HasLambdaSdk = !Resolve(compilation, KnownTypes.IAmazonLambda).IsEmpty || !Resolve(compilation, KnownTypes.AmazonLambdaClient).IsEmpty;

        Environment = Resolve(compilation, KnownTypes.EnvironmentType);
        Convert = Resolve(compilation, KnownTypes.ConvertType);
        MemoryStream = Resolve(compilation, KnownTypes.MemoryStreamType);
        TimeSpan = Resolve(compilation, KnownTypes.TimeSpanType);
        DecryptRequestTypes = Resolve(compilation, KnownTypes.DecryptRequest);
        Credentials = Resolve(compilation, KnownTypes.BasicAWSCredentials).AddRange(Resolve(compilation, KnownTypes.SessionAWSCredentials));
        CdkFunctions = Resolve(compilation, KnownTypes.CdkFunction);
        CdkFunctionPropsTypes = Resolve(compilation, KnownTypes.CdkFunctionProps);
        CdkFunctionOptionsTypes = Resolve(compilation, KnownTypes.CdkFunctionOptions);
        HasCdkLambda = !CdkFunctions.IsEmpty || !CdkFunctionPropsTypes.IsEmpty || !CdkFunctionOptionsTypes.IsEmpty;

        IsLambdaProject = !ILambdaContext.IsEmpty || !LambdaFunctionAttribute.IsEmpty || !LambdaBootstrapBuilder.IsEmpty || !HandlerWrapper.IsEmpty;
    }

    public Compilation Compilation { get; }

    public ImmutableArray<INamedTypeSymbol> ILambdaContext { get; }

    public ImmutableArray<INamedTypeSymbol> LambdaFunctionAttribute { get; }

    public ImmutableArray<INamedTypeSymbol> LambdaBootstrapBuilder { get; }

    public ImmutableArray<INamedTypeSymbol> HandlerWrapper { get; }

    public ImmutableArray<INamedTypeSymbol> AmazonServiceClient { get; }

    public ImmutableArray<INamedTypeSymbol> DynamoDBContext { get; }

    public ImmutableArray<INamedTypeSymbol> TransferUtility { get; }

    public ImmutableArray<INamedTypeSymbol> DynamoDBContextBuilder { get; }

    public ImmutableArray<INamedTypeSymbol> HttpClient { get; }

    public ImmutableArray<INamedTypeSymbol> Lazy { get; }

    public ImmutableArray<INamedTypeSymbol> LazyInitializer { get; }

    public ImmutableArray<INamedTypeSymbol> AmazonWebServiceRequest { get; }

    /// <summary>Powertools' <c>[Idempotent]</c> (LBP202's barrier); empty unless AWS.Lambda.Powertools.Idempotency is referenced.</summary>
    public ImmutableArray<INamedTypeSymbol> IdempotentAttribute { get; }

    public ImmutableArray<INamedTypeSymbol> DynamoDBHashKeyAttribute { get; }

    public ImmutableArray<INamedTypeSymbol> DynamoDBRangeKeyAttribute { get; }

    public ImmutableArray<INamedTypeSymbol> RegionEndpoint { get; }

    public ImmutableArray<INamedTypeSymbol> ClientConfig { get; }

    public ImmutableArray<INamedTypeSymbol> AWSConfigs { get; }

    /// <summary>The compilation sees AWSSDK.Lambda (<c>IAmazonLambda</c> or <c>AmazonLambdaClient</c>): a function can invoke another.</summary>
    public bool HasLambdaSdk { get; }

    public ImmutableArray<INamedTypeSymbol> Environment { get; }

    public ImmutableArray<INamedTypeSymbol> Convert { get; }

    public ImmutableArray<INamedTypeSymbol> MemoryStream { get; }

    public ImmutableArray<INamedTypeSymbol> TimeSpan { get; }

    public ImmutableArray<INamedTypeSymbol> DecryptRequestTypes { get; }

    /// <summary><c>BasicAWSCredentials</c> and <c>SessionAWSCredentials</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> Credentials { get; }

    public ImmutableArray<INamedTypeSymbol> CdkFunctions { get; }

    public ImmutableArray<INamedTypeSymbol> CdkFunctionPropsTypes { get; }

    public ImmutableArray<INamedTypeSymbol> CdkFunctionOptionsTypes { get; }

    /// <summary>The compilation references <c>Amazon.CDK.AWS.Lambda</c>: the CDK forms of LBP301 apply, Lambda project or not.</summary>
    public bool HasCdkLambda { get; }

    /// <summary>
    /// True when an entry point can exist: the compilation sees Amazon.Lambda.Core, Annotations or RuntimeSupport.
    /// Rules stay silent (and register nothing) elsewhere.
    /// </summary>
    public bool IsLambdaProject { get; }

    /// <summary>The table of <paramref name="compilation"/>'s <see cref="LambdaCompilation"/>.</summary>
    public static LambdaSymbols For(Compilation compilation) => LambdaCompilation.For(compilation).Symbols;

    public static bool Contains(ImmutableArray<INamedTypeSymbol> set, ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || set.IsEmpty)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        foreach (var candidate in set)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, definition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is, or derives from, a type of <paramref name="set"/>.</summary>
    public static bool InheritsFromAny(ImmutableArray<INamedTypeSymbol> set, ITypeSymbol? type)
    {
        if (set.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Contains(set, current))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsLambdaContext(ITypeSymbol? type) => Contains(ILambdaContext, type);

    /// <summary>The event source named by a handler parameter's type, or <see cref="EventSources.None"/>.</summary>
    public EventSources EventSourceOfType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return EventSources.None;
        }

        if (_eventTypes.TryGetValue(named.OriginalDefinition, out var source))
        {
            return source;
        }

        // Compared part by part, innermost first: no display string per parameter type.
        var ns = named.ContainingNamespace;
        return ns.IsNamespace(KnownTypes.ApiGatewayEventsNamespaceParts) ? EventSources.ApiGateway
            : ns.IsNamespace(KnownTypes.ApplicationLoadBalancerEventsNamespaceParts) ? EventSources.ApplicationLoadBalancer
            : EventSources.None;
    }

    /// <summary>The event source named by an Annotations event attribute, or <see cref="EventSources.None"/>.</summary>
    public EventSources EventSourceOfAttribute(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && _eventAttributes.TryGetValue(attributeClass.OriginalDefinition, out var source) ? source : EventSources.None;

    /// <summary>AWS SDK client per RULES.md: an AmazonServiceClient, DynamoDBContext, TransferUtility or HttpClient (or a subclass).</summary>
    public bool IsSdkClient(ITypeSymbol? type) =>
        InheritsFromAny(AmazonServiceClient, type)
        || InheritsFromAny(DynamoDBContext, type)
        || InheritsFromAny(TransferUtility, type)
        || InheritsFromAny(HttpClient, type);

    /// <summary>An SDK client, or a client-like type whose constructors may take a region or keys (TransferUtility; DynamoDBContext before AWSSDK 4).</summary>
    public bool IsClientOrClientLike(ITypeSymbol? type) =>
        InheritsFromAny(AmazonServiceClient, type)
        || InheritsFromAny(TransferUtility, type)
        || InheritsFromAny(DynamoDBContext, type);

    public bool IsEnvironmentMethod(IMethodSymbol? method, string name) =>
        method is not null && method.Name == name && Contains(Environment, method.ContainingType);

    /// <summary><c>Environment</c> of <c>FunctionProps</c>, <c>IFunctionOptions</c> or any props class implementing it.</summary>
    public bool IsCdkEnvironmentProperty(IPropertySymbol? property)
    {
        if (property is null || property.Name != KnownTypes.CdkEnvironment || property.IsIndexer || !HasCdkLambda)
        {
            return false;
        }

        var type = property.ContainingType;
        if (Contains(CdkFunctionPropsTypes, type) || Contains(CdkFunctionOptionsTypes, type))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Contains(CdkFunctionOptionsTypes, implemented))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Function.AddEnvironment(key, value, options)</c>, also called on a subclass (<c>DockerImageFunction</c>).</summary>
    public bool IsCdkAddEnvironment(IMethodSymbol? method) =>
        method is not null && method.Name == KnownTypes.CdkAddEnvironment && InheritsFromAny(CdkFunctions, method.ContainingType);

    private static void Add(Dictionary<INamedTypeSymbol, EventSources> map, Compilation compilation, string metadataName, EventSources source)
    {
        foreach (var type in Resolve(compilation, metadataName))
        {
            map[type] = source;
        }
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, string metadataName) =>
        compilation.GetTypesByMetadataName(metadataName);
}
