using System;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// A node of the call graph: a method, accessor, constructor, local function or field/property initializer (keyed by its symbol),
/// a lambda or anonymous method (keyed by its syntax: lambda symbols are not stable across semantic models),
/// the instance initializers of a type (run by every constructor of that type), or the delegates stored in a field or
/// property (what invoking that member may run).
/// </summary>
internal readonly struct FunctionKey : IEquatable<FunctionKey>
{
    private readonly object _value;

    // Computed once, when the key is made: every key is hashed by every call graph built over it (the type's, the
    // compilation's) and by every reachability question, and a symbol's hash is not free (a method's combines its
    // containing type, name and arity). Equal keys have equal hashes, so it also rejects most unequal keys at once.
    private readonly int _hash;

    private FunctionKey(object value, int hash)
    {
        _value = value;
        _hash = hash;
    }

    private FunctionKey(SymbolRole role)
        : this(role, role.GetHashCode())
    {
    }

    public static FunctionKey ForSymbol(ISymbol symbol) => new(symbol, SymbolEqualityComparer.Default.GetHashCode(symbol));

    public static FunctionKey ForLambda(SyntaxNode syntax) => new(syntax, syntax.GetHashCode());

    public static FunctionKey ForInstanceInitializers(INamedTypeSymbol type) => new(new SymbolRole("instance initializers of", type));

    /// <summary>
    /// The delegates stored in <paramref name="member"/>, a delegate-typed field or property: each store adds an edge from this
    /// node to the lambda or method stored, each invocation of the member an edge to this node. Not the member's own key, so
    /// invoking the delegate does not run the member's initializer.
    /// </summary>
    public static FunctionKey ForStoredDelegates(ISymbol member) => new(new SymbolRole("delegates stored in", member));

    /// <summary>
    /// What the container runs to build <paramref name="service"/> when it is registered per scope (<c>AddScoped</c>) or,
    /// with <paramref name="transient"/>, per resolution (<c>AddTransient</c>): the registration's factory lambda, or the
    /// implementation's constructor. A resolution of the service on the invocation path from a scope
    /// (<c>scope.ServiceProvider.GetRequiredService&lt;T&gt;()</c>) reaches both; from the root provider, only the transient one.
    /// </summary>
    public static FunctionKey ForServiceFactories(ITypeSymbol service, bool transient) =>
        new(new SymbolRole(transient ? "transient factories of" : "scoped factories of", service));

    public bool IsDefault => _value is null;

    public ISymbol? Symbol => _value as ISymbol;

    public bool Equals(FunctionKey other) =>
        _hash == other._hash
        && (_value is ISymbol symbol
            ? SymbolEqualityComparer.Default.Equals(symbol, other._value as ISymbol)
            : Equals(_value, other._value));

    public override bool Equals(object? obj) => obj is FunctionKey other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => _value?.ToString() ?? "<none>";

    /// <summary>A node that stands for one role of a symbol (a type's instance initializers, a member's stored delegates), not the symbol itself.</summary>
    private sealed class SymbolRole : IEquatable<SymbolRole>
    {
        private readonly string _role;
        private readonly ISymbol _symbol;

        public SymbolRole(string role, ISymbol symbol)
        {
            _role = role;
            _symbol = symbol;
        }

        public bool Equals(SymbolRole? other) =>
            other is not null && string.Equals(_role, other._role, StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(_symbol, other._symbol);

        public override bool Equals(object? obj) => Equals(obj as SymbolRole);

        public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(_symbol) ^ StringComparer.Ordinal.GetHashCode(_role);

        public override string ToString() => _role + " " + _symbol.Name;
    }
}
