using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using LambdaBestPractices.Analyzers.Internals;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The AWS and .NET types of one compilation, resolved once and shared by every analyzer.
/// Each name resolves to every type that carries it (a user shim or a test stub may duplicate a name),
/// so matching is by set membership, never by a single "best" guess that could pick the wrong copy.
/// </summary>
internal sealed class LambdaSymbols
{
    private static readonly ConditionalWeakTable<Compilation, LambdaSymbols> Cache = new();

    private readonly Dictionary<INamedTypeSymbol, EventSources> _eventTypes;
    private readonly Dictionary<INamedTypeSymbol, EventSources> _eventAttributes;

    private LambdaSymbols(Compilation compilation)
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

    /// <summary>
    /// True when an entry point can exist: the compilation sees Amazon.Lambda.Core, Annotations or RuntimeSupport.
    /// Rules stay silent (and register nothing) elsewhere.
    /// </summary>
    public bool IsLambdaProject { get; }

    public static LambdaSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new LambdaSymbols(c));

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
