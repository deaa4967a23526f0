using System;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// A node of the call graph: a method, accessor, constructor, local function or field/property initializer (keyed by its symbol),
/// a lambda or anonymous method (keyed by its syntax: lambda symbols are not stable across semantic models),
/// or the instance initializers of a type (run by every constructor of that type).
/// </summary>
internal readonly struct FunctionKey : IEquatable<FunctionKey>
{
    private readonly object _value;

    private FunctionKey(object value) => _value = value;

    public static FunctionKey ForSymbol(ISymbol symbol) => new(symbol);

    public static FunctionKey ForLambda(SyntaxNode syntax) => new(syntax);

    public static FunctionKey ForInstanceInitializers(INamedTypeSymbol type) => new(new InstanceInitializers(type));

    public bool IsDefault => _value is null;

    public ISymbol? Symbol => _value as ISymbol;

    public bool Equals(FunctionKey other) =>
        _value is ISymbol symbol
            ? SymbolEqualityComparer.Default.Equals(symbol, other._value as ISymbol)
            : Equals(_value, other._value);

    public override bool Equals(object? obj) => obj is FunctionKey other && Equals(other);

    public override int GetHashCode() =>
        _value is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : _value?.GetHashCode() ?? 0;

    public override string ToString() => _value?.ToString() ?? "<none>";

    private sealed class InstanceInitializers : IEquatable<InstanceInitializers>
    {
        private readonly INamedTypeSymbol _type;

        public InstanceInitializers(INamedTypeSymbol type) => _type = type;

        public bool Equals(InstanceInitializers? other) => other is not null && SymbolEqualityComparer.Default.Equals(_type, other._type);

        public override bool Equals(object? obj) => Equals(obj as InstanceInitializers);

        public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(_type);

        public override string ToString() => "instance initializers of " + _type.Name;
    }
}
