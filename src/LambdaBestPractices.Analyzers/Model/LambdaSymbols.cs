using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using LambdaBestPractices.Analyzers.Internals;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The symbol table of one compilation: every AWS, Lambda, CDK and .NET type a rule matches (<see cref="KnownTypes"/>),
/// part of the compilation's <see cref="LambdaCompilation"/> and shared by every rule and fix. The four names that decide
/// whether the compilation is a Lambda project are resolved with it; every other name once, the first time a rule asks.
/// Each name resolves to every type that carries it (a user shim or a test stub may duplicate a name), so matching is by
/// set membership, never by a single "best" guess that could pick the wrong copy, and never by display string.
/// </summary>
internal sealed class LambdaSymbols
{
    // Resolved when first asked for (most are only asked for by a rule that found a matching operation, and an IDE request
    // for one document makes a new Compilation, so a table resolved in full would be paid on every request).
    private ImmutableArray<INamedTypeSymbol> _amazonServiceClient;
    private ImmutableArray<INamedTypeSymbol> _dynamoDBContext;
    private ImmutableArray<INamedTypeSymbol> _transferUtility;
    private ImmutableArray<INamedTypeSymbol> _dynamoDBContextBuilder;
    private ImmutableArray<INamedTypeSymbol> _httpClient;
    private ImmutableArray<INamedTypeSymbol> _lazy;
    private ImmutableArray<INamedTypeSymbol> _lazyInitializer;
    private ImmutableArray<INamedTypeSymbol> _concurrentDictionary;
    private ImmutableArray<INamedTypeSymbol> _memoryCacheExtensions;
    private ImmutableArray<INamedTypeSymbol> _amazonWebServiceRequest;
    private ImmutableArray<INamedTypeSymbol> _idempotentAttribute;
    private ImmutableArray<INamedTypeSymbol> _dynamoDBHashKeyAttribute;
    private ImmutableArray<INamedTypeSymbol> _dynamoDBTableAttribute;
    private ImmutableArray<INamedTypeSymbol> _dynamoDBRangeKeyAttribute;
    private ImmutableArray<INamedTypeSymbol> _regionEndpoint;
    private ImmutableArray<INamedTypeSymbol> _clientConfig;
    private ImmutableArray<INamedTypeSymbol> _awsConfigs;
    private ImmutableArray<INamedTypeSymbol> _environment;
    private ImmutableArray<INamedTypeSymbol> _convert;
    private ImmutableArray<INamedTypeSymbol> _memoryStream;
    private ImmutableArray<INamedTypeSymbol> _timeSpan;
    private ImmutableArray<INamedTypeSymbol> _thread;
    private ImmutableArray<INamedTypeSymbol> _task;
    private ImmutableArray<INamedTypeSymbol> _taskLike;
    private ImmutableArray<INamedTypeSymbol> _logSinks;
    private ImmutableArray<INamedTypeSymbol> _threadPool;
    private ImmutableArray<INamedTypeSymbol> _snapshotRestore;
    private ImmutableArray<INamedTypeSymbol> _random;
    private ImmutableArray<INamedTypeSymbol> _path;
    private ImmutableArray<INamedTypeSymbol> _decryptRequestTypes;
    private ImmutableArray<INamedTypeSymbol> _cdkFunctions;
    private ImmutableArray<INamedTypeSymbol> _cdkFunctionPropsTypes;
    private ImmutableArray<INamedTypeSymbol> _cdkFunctionOptionsTypes;
    private ImmutableArray<INamedTypeSymbol> _credentials;
    private Dictionary<INamedTypeSymbol, EventSources>? _eventTypes;
    private Dictionary<INamedTypeSymbol, EventSources>? _eventAttributes;
    private AspNetCoreEntries? _aspNetCore;
    private int _hasAspNetCore;
    private int _hasLambdaSdk;
    private int _hasCdkLambda;
    private int _hasParameterStore;
    private int _hasSecretsManager;

    internal LambdaSymbols(Compilation compilation)
    {
        Compilation = compilation;
        ILambdaContext = Resolve(compilation, KnownTypes.ILambdaContext);
        LambdaFunctionAttribute = Resolve(compilation, KnownTypes.LambdaFunctionAttribute);
        LambdaBootstrapBuilder = Resolve(compilation, KnownTypes.LambdaBootstrapBuilder);
        HandlerWrapper = Resolve(compilation, KnownTypes.HandlerWrapper);
        IsLambdaProject = !ILambdaContext.IsEmpty || !LambdaFunctionAttribute.IsEmpty || !LambdaBootstrapBuilder.IsEmpty || !HandlerWrapper.IsEmpty;
    }

    public Compilation Compilation { get; }

    public ImmutableArray<INamedTypeSymbol> ILambdaContext { get; }

    public ImmutableArray<INamedTypeSymbol> LambdaFunctionAttribute { get; }

    public ImmutableArray<INamedTypeSymbol> LambdaBootstrapBuilder { get; }

    public ImmutableArray<INamedTypeSymbol> HandlerWrapper { get; }

    public ImmutableArray<INamedTypeSymbol> AmazonServiceClient => Lazily(ref _amazonServiceClient, KnownTypes.AmazonServiceClient);

    public ImmutableArray<INamedTypeSymbol> DynamoDBContext => Lazily(ref _dynamoDBContext, KnownTypes.DynamoDBContext);

    public ImmutableArray<INamedTypeSymbol> TransferUtility => Lazily(ref _transferUtility, KnownTypes.TransferUtility);

    public ImmutableArray<INamedTypeSymbol> DynamoDBContextBuilder => Lazily(ref _dynamoDBContextBuilder, KnownTypes.DynamoDBContextBuilder);

    public ImmutableArray<INamedTypeSymbol> HttpClient => Lazily(ref _httpClient, KnownTypes.HttpClient);

    public ImmutableArray<INamedTypeSymbol> Lazy => Lazily(ref _lazy, KnownTypes.Lazy1);

    public ImmutableArray<INamedTypeSymbol> LazyInitializer => Lazily(ref _lazyInitializer, KnownTypes.LazyInitializer);

    public ImmutableArray<INamedTypeSymbol> ConcurrentDictionary => Lazily(ref _concurrentDictionary, KnownTypes.ConcurrentDictionary2);

    public ImmutableArray<INamedTypeSymbol> MemoryCacheExtensions => Lazily(ref _memoryCacheExtensions, KnownTypes.MemoryCacheExtensions);

    public ImmutableArray<INamedTypeSymbol> AmazonWebServiceRequest => Lazily(ref _amazonWebServiceRequest, KnownTypes.AmazonWebServiceRequest);

    /// <summary>Powertools' <c>[Idempotent]</c> (LBP202's barrier); empty unless AWS.Lambda.Powertools.Idempotency is referenced.</summary>
    public ImmutableArray<INamedTypeSymbol> IdempotentAttribute => Lazily(ref _idempotentAttribute, KnownTypes.IdempotentAttribute);

    public ImmutableArray<INamedTypeSymbol> DynamoDBHashKeyAttribute => Lazily(ref _dynamoDBHashKeyAttribute, KnownTypes.DynamoDBHashKeyAttribute);

    public ImmutableArray<INamedTypeSymbol> DynamoDBTableAttribute => Lazily(ref _dynamoDBTableAttribute, KnownTypes.DynamoDBTableAttribute);

    public ImmutableArray<INamedTypeSymbol> DynamoDBRangeKeyAttribute => Lazily(ref _dynamoDBRangeKeyAttribute, KnownTypes.DynamoDBRangeKeyAttribute);

    public ImmutableArray<INamedTypeSymbol> RegionEndpoint => Lazily(ref _regionEndpoint, KnownTypes.RegionEndpoint);

    public ImmutableArray<INamedTypeSymbol> ClientConfig => Lazily(ref _clientConfig, KnownTypes.ClientConfig);

    public ImmutableArray<INamedTypeSymbol> AWSConfigs => Lazily(ref _awsConfigs, KnownTypes.AWSConfigs);

    public ImmutableArray<INamedTypeSymbol> Environment => Lazily(ref _environment, KnownTypes.EnvironmentType);

    public ImmutableArray<INamedTypeSymbol> Convert => Lazily(ref _convert, KnownTypes.ConvertType);

    public ImmutableArray<INamedTypeSymbol> MemoryStream => Lazily(ref _memoryStream, KnownTypes.MemoryStreamType);

    public ImmutableArray<INamedTypeSymbol> TimeSpan => Lazily(ref _timeSpan, KnownTypes.TimeSpanType);

    public ImmutableArray<INamedTypeSymbol> Thread => Lazily(ref _thread, KnownTypes.ThreadType);

    public ImmutableArray<INamedTypeSymbol> Task => Lazily(ref _task, KnownTypes.TaskType);

    public ImmutableArray<INamedTypeSymbol> ThreadPool => Lazily(ref _threadPool, KnownTypes.ThreadPoolType);

    /// <summary>
    /// The request pipeline's entry points when the compilation runs ASP.NET Core on Lambda (it references
    /// Amazon.Lambda.AspNetCoreServer); null otherwise.
    /// </summary>
    public AspNetCoreEntries? AspNetCore =>
        Flag(ref _hasAspNetCore, static s => !Resolve(s.Compilation, KnownTypes.AspNetCoreFunctionBase).IsEmpty)
            ? Volatile.Read(ref _aspNetCore) ?? Interlocked.CompareExchange(ref _aspNetCore, new AspNetCoreEntries(name => Resolve(Compilation, name)), null) ?? _aspNetCore
            : null;

    /// <summary>SnapStart's hooks (Amazon.Lambda.Core 2.2+); empty with an older Amazon.Lambda.Core.</summary>
    public ImmutableArray<INamedTypeSymbol> SnapshotRestore => Lazily(ref _snapshotRestore, KnownTypes.SnapshotRestore);

    public ImmutableArray<INamedTypeSymbol> Random => Lazily(ref _random, KnownTypes.RandomType);

    /// <summary><c>Task</c>, <c>ValueTask</c> (and their generic forms) and what <c>ConfigureAwait</c> makes of them.</summary>
    public ImmutableArray<INamedTypeSymbol> TaskLike => LazilyAll(ref _taskLike, KnownTypes.TaskLikeTypes);

    /// <summary>The types whose methods write a log line (LBP303).</summary>
    public ImmutableArray<INamedTypeSymbol> LogSinks => LazilyAll(ref _logSinks, KnownTypes.LogSinkTypes);

    private ImmutableArray<INamedTypeSymbol> LazilyAll(ref ImmutableArray<INamedTypeSymbol> field, string[] metadataNames)
    {
        if (field.IsDefault)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in metadataNames)
            {
                builder.AddRange(Resolve(Compilation, name));
            }

            ImmutableInterlocked.InterlockedInitialize(ref field, builder.ToImmutable());
        }

        return field;
    }

    public ImmutableArray<INamedTypeSymbol> Path => Lazily(ref _path, KnownTypes.PathType);

    public ImmutableArray<INamedTypeSymbol> DecryptRequestTypes => Lazily(ref _decryptRequestTypes, KnownTypes.DecryptRequest);

    public ImmutableArray<INamedTypeSymbol> CdkFunctions => Lazily(ref _cdkFunctions, KnownTypes.CdkFunction);

    public ImmutableArray<INamedTypeSymbol> CdkFunctionPropsTypes => Lazily(ref _cdkFunctionPropsTypes, KnownTypes.CdkFunctionProps);

    public ImmutableArray<INamedTypeSymbol> CdkFunctionOptionsTypes => Lazily(ref _cdkFunctionOptionsTypes, KnownTypes.CdkFunctionOptions);

    /// <summary><c>BasicAWSCredentials</c> and <c>SessionAWSCredentials</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> Credentials
    {
        get
        {
            if (_credentials.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _credentials, Resolve(Compilation, KnownTypes.BasicAWSCredentials).AddRange(Resolve(Compilation, KnownTypes.SessionAWSCredentials)));
            }

            return _credentials;
        }
    }

    /// <summary>The compilation sees AWSSDK.Lambda (<c>IAmazonLambda</c> or <c>AmazonLambdaClient</c>): a function can invoke another.</summary>
    public bool HasLambdaSdk => Flag(ref _hasLambdaSdk, static s => !Resolve(s.Compilation, KnownTypes.IAmazonLambda).IsEmpty || !Resolve(s.Compilation, KnownTypes.AmazonLambdaClient).IsEmpty);

    /// <summary>The SSM client and <c>GetParameterRequest</c> are referenced (the LBP301 fix can load from Parameter Store).</summary>
    public bool HasParameterStore => Flag(ref _hasParameterStore, static s => !Resolve(s.Compilation, KnownTypes.SsmClient).IsEmpty && !Resolve(s.Compilation, KnownTypes.SsmGetParameterRequest).IsEmpty);

    /// <summary>The Secrets Manager client and <c>GetSecretValueRequest</c> are referenced (the LBP301 fix can load from Secrets Manager).</summary>
    public bool HasSecretsManager => Flag(ref _hasSecretsManager, static s => !Resolve(s.Compilation, KnownTypes.SecretsManagerClient).IsEmpty && !Resolve(s.Compilation, KnownTypes.SecretsManagerGetSecretValueRequest).IsEmpty);

    /// <summary>The compilation references <c>Amazon.CDK.AWS.Lambda</c>: the CDK forms of LBP301 apply, Lambda project or not.</summary>
    public bool HasCdkLambda => Flag(ref _hasCdkLambda, static s => !s.CdkFunctions.IsEmpty || !s.CdkFunctionPropsTypes.IsEmpty || !s.CdkFunctionOptionsTypes.IsEmpty);

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

        if (EventTypes.TryGetValue(named.OriginalDefinition, out var source))
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
        attributeClass is not null && EventAttributes.TryGetValue(attributeClass.OriginalDefinition, out var source) ? source : EventSources.None;

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

    private static readonly (string MetadataName, EventSources Source)[] EventTypeNames =
    {
        (KnownTypes.SqsEvent, EventSources.Sqs),
        (KnownTypes.SnsEvent, EventSources.Sns),
        (KnownTypes.S3Event, EventSources.S3),
        (KnownTypes.KinesisEvent, EventSources.Kinesis),
        (KnownTypes.DynamoDBEvent, EventSources.DynamoDBStream),
        (KnownTypes.CloudWatchEvent, EventSources.EventBridge),
        (KnownTypes.ScheduledEvent, EventSources.EventBridge),
        (KnownTypes.KafkaEvent, EventSources.Kafka),
    };

    private static readonly (string MetadataName, EventSources Source)[] EventAttributeNames =
    {
        (KnownTypes.SqsEventAttribute, EventSources.Sqs),
        (KnownTypes.SnsEventAttribute, EventSources.Sns),
        (KnownTypes.S3EventAttribute, EventSources.S3),
        (KnownTypes.DynamoDBEventAttribute, EventSources.DynamoDBStream),
        (KnownTypes.ScheduleEventAttribute, EventSources.EventBridge),
        (KnownTypes.HttpApiAttribute, EventSources.ApiGateway),
        (KnownTypes.RestApiAttribute, EventSources.ApiGateway),
    };

    private Dictionary<INamedTypeSymbol, EventSources> EventTypes => LazyMap(ref _eventTypes, EventTypeNames);

    private Dictionary<INamedTypeSymbol, EventSources> EventAttributes => LazyMap(ref _eventAttributes, EventAttributeNames);

    private Dictionary<INamedTypeSymbol, EventSources> LazyMap(ref Dictionary<INamedTypeSymbol, EventSources>? field, (string MetadataName, EventSources Source)[] entries)
    {
        if (Volatile.Read(ref field) is { } known)
        {
            return known;
        }

        var map = new Dictionary<INamedTypeSymbol, EventSources>(SymbolEqualityComparer.Default);
        foreach (var (metadataName, source) in entries)
        {
            foreach (var type in Resolve(Compilation, metadataName))
            {
                map[type] = source;
            }
        }

        return Interlocked.CompareExchange(ref field, map, null) ?? map;
    }

    private ImmutableArray<INamedTypeSymbol> Lazily(ref ImmutableArray<INamedTypeSymbol> field, string metadataName)
    {
        if (field.IsDefault)
        {
            ImmutableInterlocked.InterlockedInitialize(ref field, Resolve(Compilation, metadataName));
        }

        return field;
    }

    // 0: not asked yet; 1: false; 2: true. Two threads may both compute it; they get the same answer.
    private bool Flag(ref int field, Func<LambdaSymbols, bool> compute)
    {
        var known = Volatile.Read(ref field);
        if (known == 0)
        {
            known = compute(this) ? 2 : 1;
            Volatile.Write(ref field, known);
        }

        return known == 2;
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, string metadataName)
    {
        using var engine = EngineMeter.Measure(EngineStep.Symbols);
        return compilation.GetTypesByMetadataName(metadataName);
    }
}
