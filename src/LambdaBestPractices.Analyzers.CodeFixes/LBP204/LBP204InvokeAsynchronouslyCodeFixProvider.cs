using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using LambdaBestPractices.Analyzers.Rules;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP204: sets <c>InvocationType = InvocationType.Event</c> on the request of a synchronous invoke: replaces a RequestResponse
/// value, or adds the member to the object initializer (creating one if needed).
/// <para>
/// Offered only when nothing reads the response (an asynchronous invoke returns 202 and no payload): the invoke's result is
/// discarded (<c>await lambda.InvokeAsync(request);</c>, <c>_ = await ...;</c>), and so is the result of every other invoke
/// the same request goes to. Not offered when the request is not created in the same member (the analyzer is silent then).
/// </para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP204InvokeAsynchronouslyCodeFixProvider))]
[Shared]
public sealed class LBP204InvokeAsynchronouslyCodeFixProvider : SiteCodeFixProvider<InvocationExpressionSyntax, SyntaxNode>
{
    public const string EquivalenceKey = "LBP204_InvokeAsynchronously";

    private const string Title = "Invoke asynchronously (InvocationType.Event)";
    private const string EventExpression = "global::Amazon.Lambda.InvocationType.Event";
    private const string InvocationTypeMember = "InvocationType";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DontInvokeSynchronously);

    private protected override string ActionKey => EquivalenceKey;

    private protected override string TitleOf(SyntaxNode plan) => Title;

    private protected override InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) => FindInvocation(root, diagnostic.Location.SourceSpan);

    /// <summary>The plan is the new root (a request shared by two invokes is changed once: the second finds it changed and is not planned).</summary>
    private protected override Task<SyntaxNode?> PlanAsync(Document document, SemanticModel model, InvocationExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(Plan(model, node, cancellationToken) is { } invoke ? Apply(model.SyntaxTree.GetRoot(cancellationToken), invoke) : null);

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax node, SyntaxNode plan, CancellationToken cancellationToken) =>
        Task.FromResult(document.WithSyntaxRoot(plan));

    /// <summary><c>InvocationType.Event</c> is written qualified: add <c>using Amazon.Lambda;</c> if needed, then shorten it.</summary>
    private protected override Task<Document> FinishAsync(Document document, CancellationToken cancellationToken) => ImportSimplifyAndFormatAsync(document, cancellationToken);

    private static InvocationExpressionSyntax? FindInvocation(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation && invocation.Span == span
            ? invocation
            : null;

    /// <summary>The synchronous invoke to fix, or null when the fix does not apply (a response is read, or the request is not editable).</summary>
    private static SynchronousInvoke? Plan(SemanticModel model, InvocationExpressionSyntax syntax, CancellationToken cancellationToken)
    {
        if (model.GetOperation(syntax, cancellationToken) is not IInvocationOperation operation
            || SynchronousInvokes.Find(operation, cancellationToken) is not { } invoke
            || invoke.Request.Syntax is not BaseObjectCreationExpressionSyntax
            || (invoke.InvocationTypeValue is { } value && value.Syntax is not ExpressionSyntax))
        {
            return null;
        }

        foreach (var other in invoke.InvokesOfRequest)
        {
            if (!SynchronousInvokes.IsResponseDiscarded(other))
            {
                return null;
            }
        }

        return invoke;
    }

    private static SyntaxNode Apply(SyntaxNode root, SynchronousInvoke invoke)
    {
        // `InvocationType = InvocationType.RequestResponse` (or "RequestResponse", null): replace the value, keep its trivia.
        if (invoke.InvocationTypeValue?.Syntax is ExpressionSyntax value)
        {
            return root.ReplaceNode(value, Event().WithTriviaFrom(value));
        }

        var creation = (BaseObjectCreationExpressionSyntax)invoke.Request.Syntax;
        return root.ReplaceNode(creation, WithEventMember(creation, LineEndings.Of(root)));
    }

    private static BaseObjectCreationExpressionSyntax WithEventMember(BaseObjectCreationExpressionSyntax creation, SyntaxTrivia eol)
    {
        var member = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(InvocationTypeMember), Event());
        if (creation.Initializer is { } initializer)
        {
            return creation.WithInitializer(AddMember(initializer, member, eol));
        }

        // `new InvokeRequest()` → `new InvokeRequest { InvocationType = InvocationType.Event }`; `new()` keeps its parentheses.
        var newInitializer = InitializerExpression(
            SyntaxKind.ObjectInitializerExpression,
            Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space),
            SingletonSeparatedList<ExpressionSyntax>(member.WithTrailingTrivia(Space)),
            Token(SyntaxKind.CloseBraceToken));
        switch (creation)
        {
            case ObjectCreationExpressionSyntax explicitCreation when explicitCreation.ArgumentList is { Arguments.Count: 0 } emptyArguments:
                return explicitCreation
                    .WithType(explicitCreation.Type.WithTrailingTrivia(Space))
                    .WithArgumentList(null)
                    .WithInitializer(newInitializer.WithCloseBraceToken(newInitializer.CloseBraceToken.WithTrailingTrivia(emptyArguments.CloseParenToken.TrailingTrivia)));
            case ObjectCreationExpressionSyntax { ArgumentList: null } explicitCreation:
                return explicitCreation
                    .WithType(explicitCreation.Type.WithoutTrailingTrivia().WithTrailingTrivia(Space))
                    .WithInitializer(newInitializer.WithCloseBraceToken(newInitializer.CloseBraceToken.WithTrailingTrivia(explicitCreation.Type.GetTrailingTrivia())));
            default:
                var arguments = creation.ArgumentList!;
                return creation
                    .WithArgumentList(arguments.WithCloseParenToken(arguments.CloseParenToken.WithTrailingTrivia(Space)))
                    .WithInitializer(newInitializer.WithCloseBraceToken(newInitializer.CloseBraceToken.WithTrailingTrivia(arguments.CloseParenToken.TrailingTrivia)));
        }
    }

    /// <summary>
    /// Adds the member after the last one, the way the initializer is laid out: on its own line at the members' indentation
    /// when they are one per line, after a space otherwise; with a trailing comma only when the list had one.
    /// </summary>
    private static InitializerExpressionSyntax AddMember(InitializerExpressionSyntax initializer, ExpressionSyntax member, SyntaxTrivia eol)
    {
        var list = initializer.Expressions;
        if (list.Count == 0)
        {
            var multiLine = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return initializer
                .WithOpenBraceToken(multiLine ? initializer.OpenBraceToken : initializer.OpenBraceToken.WithTrailingTrivia(Space))
                .WithExpressions(SingletonSeparatedList(member.WithTrailingTrivia(multiLine ? eol : Space)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        var last = list[list.Count - 1];
        var hasTrailingComma = list.SeparatorCount == list.Count;
        var nodes = list.ToList();
        var separators = Enumerable.Range(0, list.SeparatorCount).Select(list.GetSeparator).ToList();
        if (hasTrailingComma)
        {
            // `A = 1,⏎` → `A = 1,⏎    InvocationType = X,⏎`; `{ A = 1, }` → `{ A = 1, InvocationType = X, }`.
            var lastSeparator = separators[separators.Count - 1];
            var multiLine = lastSeparator.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            nodes.Add(multiLine ? member.WithLeadingTrivia(Indentation(last)) : member);
            separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastSeparator.TrailingTrivia));
        }
        else
        {
            // `A = 1 // note⏎` → `A = 1, // note⏎    InvocationType = X⏎`; `{ A = 1 }` → `{ A = 1, InvocationType = X }`.
            var trailing = last.GetTrailingTrivia();
            var multiLine = trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiLine ? trailing : TriviaList(Space)));
            nodes.Add(multiLine ? member.WithLeadingTrivia(Indentation(last)).WithTrailingTrivia(eol) : member.WithTrailingTrivia(trailing));
        }

        return initializer.WithExpressions(SeparatedList(nodes, separators));
    }

    /// <summary>The whitespace that starts the line of <paramref name="node"/>.</summary>
    private static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        var indentation = new List<SyntaxTrivia>();
        for (var i = leading.Count - 1; i >= 0 && leading[i].IsKind(SyntaxKind.WhitespaceTrivia); i--)
        {
            indentation.Insert(0, leading[i]);
        }

        return TriviaList(indentation);
    }

    private static ExpressionSyntax Event() =>
        ParseExpression(EventExpression).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
