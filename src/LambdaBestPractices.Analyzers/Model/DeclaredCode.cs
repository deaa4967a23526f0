using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Whether a type can hold any code the driver hands to the operation actions of its start (a body, an expression body, an
/// initializer, a parameter's default value, a primary constructor's base call, an attribute's arguments, wherever the
/// attribute sits). Enums, interfaces and positional records without any of that are a large part of every Lambda project
/// (event and result records, statuses, service contracts): the host registers nothing for them, since no rule can find
/// anything there. An enum's member values are operations too, but integral constants, which no rule reads. Asked once
/// per type at its start, so it reads only what is already at hand (the symbol's flags and attributes, the declaration's
/// member count) and answers "yes" for anything it does not recognise.
/// </summary>
internal static class DeclaredCode
{
    public static bool MayHaveOperations(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.IsImplicitlyDeclared || !type.GetAttributes().IsEmpty)
        {
            // Top-level statements' Program (declared by a compilation unit); an attribute's arguments.
            return true;
        }

        switch (type.TypeKind)
        {
            case TypeKind.Enum:
                // Enum values are integral constants, which no rule looks at.
                foreach (var member in type.GetMembers())
                {
                    if (!member.GetAttributes().IsEmpty)
                    {
                        return true;
                    }
                }

                return false;

            case TypeKind.Interface:
                // Abstract members have no body; a default implementation, a static member with a body, a parameter's
                // default value or an attribute anywhere on a member is code. So is a nested type: the driver hands its
                // own attributes to the operation actions of the type that contains it.
                foreach (var member in type.GetMembers())
                {
                    if (member is INamedTypeSymbol || !member.IsAbstract || !member.GetAttributes().IsEmpty || HasSignatureCode(member))
                    {
                        return true;
                    }
                }

                return false;

            case TypeKind.Class or TypeKind.Struct:
                // A declaration with members has code in nearly every case: only look further at one without any (a
                // positional record, an empty class).
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax { Members.Count: 0, AttributeLists.Count: 0 } declaration
                        || HasCode(declaration))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return true;
        }
    }

    /// <summary>
    /// An abstract member's code: a parameter's default value, an attribute on a parameter, on the return value
    /// (<c>[return: ...]</c>) or on a type parameter. Accessors are members of their own here.
    /// </summary>
    private static bool HasSignatureCode(ISymbol member)
    {
        ImmutableArray<IParameterSymbol> parameters;
        switch (member)
        {
            case IMethodSymbol method:
                if (!method.GetReturnTypeAttributes().IsEmpty)
                {
                    return true;
                }

                foreach (var typeParameter in method.TypeParameters)
                {
                    if (!typeParameter.GetAttributes().IsEmpty)
                    {
                        return true;
                    }
                }

                parameters = method.Parameters;
                break;

            case IPropertySymbol property:
                parameters = property.Parameters;
                break;

            default:
                return false;
        }

        foreach (var parameter in parameters)
        {
            if (parameter.HasExplicitDefaultValue || !parameter.GetAttributes().IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A member-less declaration's primary constructor: a parameter's default value or attribute, or a base call.</summary>
    private static bool HasCode(TypeDeclarationSyntax declaration)
    {
        if (declaration.ParameterList is { } parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Default is not null || parameter.AttributeLists.Count > 0)
                {
                    return true;
                }
            }
        }

        if (declaration.BaseList is { } baseList)
        {
            foreach (var baseType in baseList.Types)
            {
                // `record Derived(int X) : Base(X)`.
                if (baseType is PrimaryConstructorBaseTypeSyntax)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
