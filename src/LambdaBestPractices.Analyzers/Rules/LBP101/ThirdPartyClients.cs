using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP101's network clients outside the AWS SDK: types that own sockets or an <c>HttpClient</c> and are meant to live as
/// long as the process (RestSharp's <c>RestClient</c>, <c>GraphQLHttpClient</c>, MongoDB's <c>MongoClient</c>, the
/// Elasticsearch and OpenSearch clients, Discord's socket client, and the connections StackExchange.Redis and gRPC build in
/// static factories), matched by namespace and name, since their packages need not be referenced to be recognised, and
/// the types named in <see cref="OptionKeys.LBP101AdditionalClientTypes"/>.
/// A type derived from one of them is one too. ADO.NET connections (<c>SqlConnection</c>, <c>MySqlConnection</c>,
/// <c>NpgsqlConnection</c>) are not: the provider pools the physical connections.
/// </summary>
internal sealed class ThirdPartyClients
{
    private static readonly (string[] Namespace, string Name)[] Known =
    {
        (new[] { "RestSharp" }, "RestClient"),
        (new[] { "GraphQL", "Client", "Http" }, "GraphQLHttpClient"),
        (new[] { "MongoDB", "Driver" }, "MongoClient"),
        (new[] { "Nest" }, "ElasticClient"),
        (new[] { "Elastic", "Clients", "Elasticsearch" }, "ElasticsearchClient"),
        (new[] { "OpenSearch", "Client" }, "OpenSearchClient"),
        (new[] { "Discord", "WebSocket" }, "DiscordSocketClient"),
    };

    /// <summary>
    /// Static factories that build such a client, by method name (the first test: it runs for every call of a type), then
    /// the type: StackExchange.Redis and gRPC hand out a connection, not a <c>new</c>.
    /// </summary>
    private static readonly Dictionary<string, (string[] Namespace, string Type)> Factories = new(StringComparer.Ordinal)
    {
        ["Connect"] = (new[] { "StackExchange", "Redis" }, "ConnectionMultiplexer"),
        ["ConnectAsync"] = (new[] { "StackExchange", "Redis" }, "ConnectionMultiplexer"),
        ["ForAddress"] = (new[] { "Grpc", "Net", "Client" }, "GrpcChannel"),
    };

    private static readonly char[] ListSeparators = { '|', ',' };

    /// <summary>
    /// The client type a call to one of the known static factories builds (<c>ConnectionMultiplexer.Connect(...)</c>,
    /// <c>await ConnectionMultiplexer.ConnectAsync(...)</c>, <c>GrpcChannel.ForAddress(...)</c>), or null.
    /// </summary>
    public static INamedTypeSymbol? FactoryClient(IMethodSymbol method)
    {
        return Factories.TryGetValue(method.Name, out var factory)
            && method.IsStatic
            && method.ContainingType is { } type
            && type.Name == factory.Type
            && type.ContainingNamespace.IsNamespace(factory.Namespace)
                ? type
                : null;
    }

    private static readonly HashSet<INamedTypeSymbol> Empty = new(SymbolEqualityComparer.Default);

    private readonly CodeSettings _settings;
    private readonly LambdaSymbols _symbols;
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, CreatedType> _created = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<INamedTypeSymbol>> _additionalByTree = new();
    private readonly ConcurrentDictionary<string, HashSet<INamedTypeSymbol>> _resolved = new(StringComparer.Ordinal);

    public ThirdPartyClients(CodeSettings settings, LambdaSymbols symbols)
    {
        _settings = settings;
        _symbols = symbols;
        _compilation = symbols.Compilation;
    }

    /// <summary>
    /// What <paramref name="type"/>, created in <paramref name="tree"/>, is to LBP101: an SDK client or one of these clients (or
    /// derived from one), the DynamoDB context builder, or anything else. Decided once per type (by its definition: base types
    /// and names are the same for every construction of it), not per creation; only the file's own
    /// <see cref="OptionKeys.LBP101AdditionalClientTypes"/> are read per creation.
    /// </summary>
    public CreatedType Classify(ITypeSymbol? type, SyntaxTree tree)
    {
        if (type is not INamedTypeSymbol named)
        {
            return CreatedType.Other;
        }

        var definition = named.OriginalDefinition;
        if (!_created.TryGetValue(definition, out var kind))
        {
            kind = _symbols.IsSdkClient(definition) || IsKnownClient(definition) ? CreatedType.Client
                : LambdaSymbols.Contains(_symbols.DynamoDBContextBuilder, definition) ? CreatedType.ContextBuilder
                : CreatedType.Other;
            _created.TryAdd(definition, kind);
        }

        return kind != CreatedType.Client && IsAdditionalClient(definition, tree) ? CreatedType.Client : kind;
    }

    private static bool IsKnownClient(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var (ns, name) in Known)
            {
                if (current.Name == name && current.ContainingNamespace.IsNamespace(ns))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsAdditionalClient(INamedTypeSymbol type, SyntaxTree tree)
    {
        var additional = AdditionalTypes(tree);
        if (additional.Count == 0)
        {
            return false;
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (additional.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The file's <see cref="OptionKeys.LBP101AdditionalClientTypes"/>, resolved to symbols once per distinct value (names
    /// that resolve to nothing are ignored); read once per file.
    /// </summary>
    private HashSet<INamedTypeSymbol> AdditionalTypes(SyntaxTree tree) =>
        _additionalByTree.TryGetValue(tree, out var known) ? known
        : _additionalByTree.GetOrAdd(tree, t => _settings.Options(t).TryGetValue(OptionKeys.LBP101AdditionalClientTypes, out var value)
            ? _resolved.GetOrAdd(value, Resolve)
            : Empty);

    /// <summary>Metadata names (<c>Namespace.Type</c>, nested <c>Outer+Inner</c>, generic <c>Type`1</c>), <c>|</c>- or <c>,</c>-separated.</summary>
    private HashSet<INamedTypeSymbol> Resolve(string value)
    {
        var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var part in value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.StartsWith("global::", StringComparison.Ordinal))
            {
                name = name.Substring("global::".Length);
            }

            if (name.Length > 0)
            {
                foreach (var type in _compilation.GetTypesByMetadataName(name))
                {
                    types.Add(type);
                }
            }
        }

        return types;
    }
}

/// <summary>What a created type is to LBP101 (<see cref="ThirdPartyClients.Classify"/>).</summary>
internal enum CreatedType : byte
{
    Other,

    /// <summary>An SDK client, <c>HttpClient</c>, <c>TransferUtility</c>, <c>DynamoDBContext</c>, or another network client.</summary>
    Client,

    /// <summary><c>DynamoDBContextBuilder</c> (AWSSDK v4): the client is what its <c>Build()</c> returns.</summary>
    ContextBuilder,
}
