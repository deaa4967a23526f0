using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// Where a write keeps a value beyond the invocation (LBP205): a static field or property declared in source, or an object
/// (or collection) held by one (<c>s_http.DefaultRequestHeaders</c>, <c>s_seen</c>); or a member of an object that is shared if
/// its type is registered as a DI singleton (<c>this._userId</c> in a service, <c>_state.UserId</c> on an injected field),
/// which only the whole compilation's registrations decide.
/// </summary>
internal readonly struct SharedState
{
    private SharedState(ISymbol? staticRoot, ImmutableArray<ITypeSymbol> singletonCandidates, ISymbol? writtenMember = null)
    {
        StaticRoot = staticRoot;
        SingletonCandidates = singletonCandidates;
        WrittenMember = writtenMember;
    }

    /// <summary>For a singleton's member: the field or property written (an interface's property is decided by its implementation).</summary>
    public ISymbol? WrittenMember { get; }

    /// <summary>The static member the state hangs off, or null.</summary>
    public ISymbol? StaticRoot { get; }

    /// <summary>When <see cref="StaticRoot"/> is null: the types whose instance is shared if it is a DI singleton.</summary>
    public ImmutableArray<ITypeSymbol> SingletonCandidates { get; }

    /// <summary>How the message names the static state: <c>static 'Function.s_lastUser'</c>.</summary>
    public string DescribeStatic() => "static '" + StaticRoot!.ContainingType.Name + "." + StaticRoot.Name + "'";

    /// <summary>The shared state <paramref name="target"/> (an assignment's target, or the instance a collection call changes) belongs to, or null.</summary>
    public static SharedState? Of(IOperation? target) => Of(target, 0);

    private static SharedState? Of(IOperation? target, int depth)
    {
        if (target is null || depth > 6)
        {
            return null;
        }

        switch (target.WalkDownConversion())
        {
            case IFieldReferenceOperation { Field: var field } reference:
                return field.IsStatic
                    ? field.IsConst || field.DeclaringSyntaxReferences.IsEmpty || IsPerContextHolder(field.Type) ? null : new SharedState(field, default)
                    : Member(reference.Instance, field, depth);
            case IPropertyReferenceOperation { Property: var property } reference:
                if (WrapsPerContextHolder(property))
                {
                    return null;
                }

                return property.IsStatic
                    ? property.DeclaringSyntaxReferences.IsEmpty || IsPerContextHolder(property.Type) ? null : new SharedState(property, default)
                    : Member(reference.Instance, property, depth);
            case IArrayElementReferenceOperation element:
                return Of(element.ArrayReference, depth + 1);
            case IConditionalAccessInstanceOperation conditional:
                // `s_seen?.Add(id)`: the object the `?.` tests.
                for (var parent = conditional.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return Of(access.Operation, depth + 1);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A member of <paramref name="instance"/>: shared when the instance hangs off static state, or when it is <c>this</c>, a
    /// field, a property or a parameter (an injected object) whose type turns out to be a singleton. A local or a new object
    /// is the function's own.
    /// </summary>
    private static SharedState? Member(IOperation? instance, ISymbol member, int depth)
    {
        var containingType = member.ContainingType;
        var holder = instance?.WalkDownConversion();
        if (holder is null || IsPerContextHolder(holder.Type))
        {
            return null;
        }

        if (holder is IInstanceReferenceOperation reference)
        {
            // `this._user = ...`; not the new object of an initializer (`new Result { Id = ... }`), which is the function's own.
            return reference.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance
                ? new SharedState(null, ImmutableArray.Create<ITypeSymbol>(containingType), member)
                : null;
        }

        if (holder is not (IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation or IArrayElementReferenceOperation) || holder.Type is null)
        {
            return null;
        }

        var inner = Of(holder, depth + 1);
        if (inner is { StaticRoot: not null })
        {
            return inner;
        }

        return new SharedState(null, inner is { } outer ? outer.SingletonCandidates.Add(holder.Type) : ImmutableArray.Create(holder.Type), member);
    }

    /// <summary>
    /// An accessor over per-flow state: a property with accessors of its own (not an auto-property) in a type that keeps an
    /// <c>AsyncLocal&lt;T&gt;</c> or <c>ThreadLocal&lt;T&gt;</c> field (<c>set =&gt; s_current.Value = value;</c>).
    /// </summary>
    private static bool WrapsPerContextHolder(IPropertySymbol property)
    {
        if (property.DeclaringSyntaxReferences.IsEmpty || property.ContainingType.TypeKind == TypeKind.Interface
            || (property.SetMethod is { } setter && setter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is AccessorDeclarationSyntax { Body: null, ExpressionBody: null }))
        {
            // An auto-property (its setter has no body) keeps the value itself: no scan of the type's members.
            return false;
        }

        var perContext = false;
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol field)
            {
                if (SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
                {
                    // An auto-property keeps the value itself.
                    return false;
                }

                perContext |= IsPerContextHolder(field.Type);
            }
        }

        return perContext;
    }

    /// <summary>
    /// Whether an interface's property, written on a singleton, is implemented by a registered singleton over per-flow
    /// state (an <c>ILambdaContextAccessor</c> whose implementation keeps the context in an <c>AsyncLocal&lt;T&gt;</c>).
    /// </summary>
    public static bool IsImplementedOverPerContextState(IPropertySymbol property, IEnumerable<ITypeSymbol> singletons)
    {
        foreach (var singleton in singletons)
        {
            if (singleton is INamedTypeSymbol { TypeKind: TypeKind.Class } implementation
                && implementation.FindImplementationForInterfaceMember(property.OriginalDefinition) is IPropertySymbol implemented
                && WrapsPerContextHolder(implemented))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>AsyncLocal&lt;T&gt;</c> and <c>ThreadLocal&lt;T&gt;</c>: one value per flow or thread, the way to keep request data ambient.</summary>
    private static bool IsPerContextHolder(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "AsyncLocal" or "ThreadLocal", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
