using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP203: <c>_ = SendAsync();</c> in an async function becomes <c>await SendAsync();</c> (also with <c>ConfigureAwait</c>),
/// keeping the statement's comments. Offered only where the analyzer said so (a discard statement in an async method,
/// lambda or local function); the other forms (a statement in a method that is not async, <c>Task.Run</c> kept in an
/// unread local, threads, <c>async void</c>) need a decision about the method's signature or the work, so no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP203AwaitTheTaskCodeFixProvider))]
[Shared]
public sealed class LBP203AwaitTheTaskCodeFixProvider : SiteCodeFixProvider<ExpressionSyntax, AssignmentExpressionSyntax>
{
    public const string EquivalenceKey = "LBP203_AwaitTheTask";

    private const string Title = "Await the task before returning";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FinishBackgroundWork);

    private protected override string ActionKey => EquivalenceKey;

    private protected override string TitleOf(AssignmentExpressionSyntax plan) => Title;

    private protected override ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(BackgroundWork.FixProperty, out var fix) && fix == BackgroundWork.AwaitDiscard
            && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression
            && expression.Span == diagnostic.Location.SourceSpan
            ? expression
            : null;

    /// <summary>The discard assignment around the call, when it is still a statement of an async function.</summary>
    private protected override Task<AssignmentExpressionSyntax?> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode value = node;
        while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized;
        }

        var assignment = value.Parent as AssignmentExpressionSyntax;
        var isDiscardStatement = assignment is { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax }
            && model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IDiscardSymbol;
        return Task.FromResult(isDiscardStatement && IsInAsyncFunction(assignment!) ? assignment : null);
    }

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax node, AssignmentExpressionSyntax plan, CancellationToken cancellationToken)
    {
        // A comment between `=` and the call stays, after `await`; the blanks before it go.
        var comments = plan.OperatorToken.TrailingTrivia.Concat(plan.Right.GetLeadingTrivia()).SkipWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        var awaited = AwaitExpression(plan.Right.WithLeadingTrivia(comments))
            .WithAwaitKeyword(Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(Space))
            .WithLeadingTrivia(plan.GetLeadingTrivia())
            .WithTrailingTrivia(plan.GetTrailingTrivia());
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(plan, awaited)));
    }

    private static bool IsInAsyncFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LockStatementSyntax or UnsafeStatementSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MemberDeclarationSyntax or CompilationUnitSyntax:
                    return false;
            }
        }

        return false;
    }
}
