using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaBestPractices.Analyzers.CodeFixes.Internals;

/// <summary>Members a fix writes as text (with fully qualified names), made into syntax that fits the document.</summary>
internal static class GeneratedMembers
{
    /// <summary>
    /// <paramref name="text"/> as a member, with the document's line ending <paramref name="eol"/>, annotated so that
    /// <see cref="SiteCodeFixProvider{TNode, TPlan}"/>'s finish adds the usings, shortens the names and formats it.
    /// </summary>
    public static MemberDeclarationSyntax Parse(string text, SyntaxTrivia eol)
    {
        var member = SyntaxFactory.ParseMemberDeclaration(text.Replace("\r\n", "\n").Replace("\n", eol.ToFullString()))!;
        return member.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
