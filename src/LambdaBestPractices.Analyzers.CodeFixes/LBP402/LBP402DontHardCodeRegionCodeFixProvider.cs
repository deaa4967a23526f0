using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP402: removes the hard-coded region, so the SDK takes it from <c>AWS_REGION</c>:
/// <list type="bullet">
/// <item>a constructor argument (<c>new AmazonS3Client(credentials, RegionEndpoint.USEast1)</c> → <c>new AmazonS3Client(credentials)</c>),
/// only when the type has a constructor taking the remaining arguments;</item>
/// <item>an object initializer member (<c>new AmazonS3Config { RegionEndpoint = X }</c> → <c>new AmazonS3Config()</c>);</item>
/// <item>an assignment statement (<c>config.RegionEndpoint = X;</c>, <c>AWSConfigs.RegionEndpoint = X;</c>), in a block, a
/// switch section or top-level statements.</item>
/// </list>
/// Comments and directives around what is removed are kept. No fix for an assignment used as a value or as the only
/// statement of an <c>if</c>, nor for named arguments.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP402DontHardCodeRegionCodeFixProvider))]
[Shared]
public sealed class LBP402DontHardCodeRegionCodeFixProvider : SiteCodeFixProvider<ExpressionSyntax, SyntaxNode>
{
    public const string RemoveRegionKey = "LBP402_RemoveRegion";

    private const string RemoveRegionTitle = "Remove the hard-coded region";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DontHardCodeRegion);

    private protected override string ActionKey => RemoveRegionKey;

    private protected override string TitleOf(SyntaxNode plan) => RemoveRegionTitle;

    private protected override ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) => FindRegion(root, diagnostic.Location.SourceSpan);

    /// <summary>The plan is the new root: the document without the region's use (two regions can sit in one statement, so each is planned on the updated document).</summary>
    private protected override Task<SyntaxNode?> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(Rewrite(model.SyntaxTree.GetRoot(cancellationToken), model, node, cancellationToken));

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax node, SyntaxNode plan, CancellationToken cancellationToken) =>
        Task.FromResult(document.WithSyntaxRoot(plan));

    /// <summary>The region expression a diagnostic sits on.</summary>
    private static ExpressionSyntax? FindRegion(SyntaxNode root, TextSpan span) =>
        span.End <= root.FullSpan.End
        && root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax region
        && region.Span == span
            ? region
            : null;

    /// <summary>The root without the region's use, or null when no fix is offered for it.</summary>
    private static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, ExpressionSyntax region, CancellationToken cancellationToken)
    {
        ExpressionSyntax value = region;
        while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = (ExpressionSyntax)value.Parent;
        }

        switch (value.Parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list } argument:
                return model.GetOperation(creation, cancellationToken) is IObjectCreationOperation operation
                    && ConstructorArguments.TryRemove(list, operation, new HashSet<int> { list.Arguments.IndexOf(argument) }) is { } newList
                        ? root.ReplaceNode(list, newList)
                        : null;

            case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == value && IsRegionEndpointTarget(assignment.Left):
                return assignment.Parent switch
                {
                    InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) && initializer.Parent is BaseObjectCreationExpressionSyntax creation =>
                        RemoveInitializerMember(root, creation, initializer, assignment),
                    ExpressionStatementSyntax statement => RemoveStatement(root, statement),
                    _ => null,
                };

            default:
                return null;
        }
    }

    private static bool IsRegionEndpointTarget(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == "RegionEndpoint",
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "RegionEndpoint",
        _ => false,
    };

    /// <summary>
    /// <c>new AmazonS3Config { RegionEndpoint = X, ForcePathStyle = true }</c> → <c>new AmazonS3Config { ForcePathStyle = true }</c>;
    /// an initializer left empty goes, <c>new AmazonS3Config()</c>, unless it holds a comment.
    /// </summary>
    private static SyntaxNode RemoveInitializerMember(SyntaxNode root, BaseObjectCreationExpressionSyntax creation, InitializerExpressionSyntax initializer, AssignmentExpressionSyntax member)
    {
        var expressions = SeparatedListEditor.Remove(initializer.Expressions, new HashSet<int> { initializer.Expressions.IndexOf(member) }, out var trailing);
        var close = initializer.CloseBraceToken;
        var newInitializer = initializer
            .WithExpressions(expressions)
            .WithCloseBraceToken(trailing.Count == 0 ? close : close.WithLeadingTrivia(trailing.AddRange(close.LeadingTrivia)));
        if (expressions.Count > 0 || newInitializer.DescendantTrivia().Any(SeparatedListEditor.MustKeep))
        {
            return root.ReplaceNode(initializer, newInitializer);
        }

        // Nothing left between the braces: `new AmazonS3Config()`, `new()`.
        var trailingTrivia = initializer.GetTrailingTrivia();
        SyntaxNode newCreation = creation switch
        {
            ObjectCreationExpressionSyntax explicitType when explicitType.ArgumentList is null =>
                explicitType.WithType(explicitType.Type.WithoutTrailingTrivia()).WithArgumentList(ArgumentList()).WithInitializer(null).WithTrailingTrivia(trailingTrivia),
            _ => creation.WithArgumentList(creation.ArgumentList!.WithoutTrailingTrivia()).WithInitializer(null).WithTrailingTrivia(trailingTrivia),
        };
        return root.ReplaceNode(creation, newCreation);
    }

    /// <summary>
    /// Removes <c>config.RegionEndpoint = X;</c> with its line; comments and directives before it and a comment after it
    /// stay where the statement was.
    /// </summary>
    private static SyntaxNode? RemoveStatement(SyntaxNode root, ExpressionStatementSyntax statement)
    {
        SyntaxNode target = statement.Parent is GlobalStatementSyntax global ? global : statement;
        switch (target.Parent)
        {
            case BlockSyntax:
            case CompilationUnitSyntax:
            case SwitchSectionSyntax section when section.Statements.Count > 1:
                break;
            default:
                return null;
        }

        var kept = KeptTrivia(target.GetLeadingTrivia(), target.GetTrailingTrivia());
        if (kept.Count == 0)
        {
            return root.RemoveNode(target, SyntaxRemoveOptions.KeepNoTrivia);
        }

        var next = target.GetLastToken().GetNextToken(includeZeroWidth: true);
        if (next == default)
        {
            return null;
        }

        root = root.TrackNodes(target);
        var nextInTracked = root.FindToken(next.SpanStart);
        root = root.ReplaceToken(nextInTracked, nextInTracked.WithLeadingTrivia(kept.Concat(nextInTracked.LeadingTrivia)));
        return root.GetCurrentNode(target) is { } current ? root.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia) : null;
    }

    /// <summary>
    /// The lines of <paramref name="leading"/> before the statement's own line (when one holds a comment or directive), then a
    /// comment that followed the statement on its line, on a line of its own with the statement's indentation.
    /// </summary>
    private static List<SyntaxTrivia> KeptTrivia(SyntaxTriviaList leading, SyntaxTriviaList trailing)
    {
        var kept = new List<SyntaxTrivia>();
        var lastLineEnd = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].IsDirective)
            {
                lastLineEnd = i;
            }
        }

        var lines = leading.Take(lastLineEnd + 1).ToList();
        if (lines.Any(SeparatedListEditor.MustKeep))
        {
            kept.AddRange(lines);
        }

        var comments = trailing.Where(SeparatedListEditor.MustKeep).ToList();
        if (comments.Count > 0)
        {
            var indentation = leading.Skip(lastLineEnd + 1).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
            kept.AddRange(indentation);
            for (var i = 0; i < comments.Count; i++)
            {
                if (i > 0)
                {
                    kept.Add(Space);
                }

                kept.Add(comments[i]);
            }

            kept.Add(trailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } endOfLine ? endOfLine : CarriageReturnLineFeed);
        }

        return kept;
    }
}
