using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// For the per-key fix: whether the clients a factory delegate returns are kept by its callers. A cached client that a
/// caller disposes (<c>using var s3 = _factory(endpoint);</c>) would be handed, disposed, to the next invocation, so the
/// fix is only offered when the delegate lives in a field, property or local whose every call keeps the result.
/// </summary>
internal static class FactoryResults
{
    public static async Task<bool> AreKeptAsync(Document document, SemanticModel model, SyntaxNode creation, CancellationToken cancellationToken)
    {
        if (creation.FirstAncestorOrSelf<LambdaExpressionSyntax>() is not { } lambda || Holder(model, lambda, cancellationToken) is not { } holder)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(holder, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            if (location.Location.SourceTree is not { } tree)
            {
                return false;
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            SyntaxNode reference = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (reference.Parent is MemberAccessExpressionSyntax access && access.Name == reference)
            {
                reference = access;
            }

            if (reference.Parent is AssignmentExpressionSyntax assignment && assignment.Left == reference)
            {
                continue;
            }

            var call = reference.Parent switch
            {
                InvocationExpressionSyntax direct when direct.Expression == reference => direct,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke", Parent: InvocationExpressionSyntax invoke } => invoke,
                _ => null,
            };
            if (call is null || IsDisposed(call))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The field, property or local the lambda is stored in (through casts and parentheses), or null.</summary>
    private static ISymbol? Holder(SemanticModel model, LambdaExpressionSyntax lambda, CancellationToken cancellationToken)
    {
        SyntaxNode value = lambda;
        while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = value.Parent;
        }

        return value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property, cancellationToken),
            AssignmentExpressionSyntax assignment when assignment.Right == value => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
            _ => null,
        } is { Kind: SymbolKind.Field or SymbolKind.Property or SymbolKind.Local } symbol
            ? symbol
            : null;
    }

    /// <summary>A call whose result a <c>using</c> owns, or that is disposed (directly or through the local it initializes).</summary>
    private static bool IsDisposed(InvocationExpressionSyntax call)
    {
        SyntaxNode result = call;
        while (result.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax or CastExpressionSyntax)
        {
            result = result.Parent;
        }

        if (ClientFieldPlanner.Disposes(result.Parent, result))
        {
            return true;
        }

        switch (result.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: { } holder } declarator }:
                if (holder is UsingStatementSyntax || (holder is LocalDeclarationStatementSyntax local && local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)))
                {
                    return true;
                }

                var name = declarator.Identifier.ValueText;
                var scope = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
                return scope is not null && scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(
                    identifier => identifier.Identifier.ValueText == name && ClientFieldPlanner.Disposes(identifier.Parent, identifier));
            default:
                return false;
        }
    }
}
