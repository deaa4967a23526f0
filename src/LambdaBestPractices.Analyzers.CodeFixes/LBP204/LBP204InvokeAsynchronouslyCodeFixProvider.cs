using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
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
public sealed class LBP204InvokeAsynchronouslyCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LBP204_InvokeAsynchronously";

    private const string Title = "Invoke asynchronously (InvocationType.Event)";
    private const string EventExpression = "global::Amazon.Lambda.InvocationType.Event";
    private const string InvocationTypeMember = "InvocationType";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DontInvokeSynchronously);

    public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindInvocation(root, diagnostic.Location.SourceSpan) is not { } invocation || Plan(model, invocation, context.CancellationToken) is null)
            {
                continue;
            }

            var document = context.Document;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(CodeAction.Create(Title, ct => FixAsync(document, ImmutableArray.Create(span), EquivalenceKey, ct), EquivalenceKey), diagnostic);
        }
    }

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

    /// <summary>Fixes each invoke in turn on the updated document; a request shared by two invokes is changed once.</summary>
    private static async Task<Document> FixAsync(Document document, ImmutableArray<TextSpan> spans, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || (equivalenceKey is not null && equivalenceKey != EquivalenceKey))
        {
            return document;
        }

        var targets = spans.Select(span => FindInvocation(root, span)).Where(i => i is not null).Select(i => (Node: i!, Annotation: new SyntaxAnnotation())).ToArray();
        if (targets.Length == 0)
        {
            return document;
        }

        root = root.ReplaceNodes(targets.Select(t => t.Node), (original, rewritten) => rewritten.WithAdditionalAnnotations(targets.First(t => t.Node == original).Annotation));
        document = document.WithSyntaxRoot(root);

        foreach (var (_, annotation) in targets)
        {
            root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.GetAnnotatedNodes(annotation).OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } invocation
                || Plan(model, invocation, cancellationToken) is not { } invoke)
            {
                continue;
            }

            document = document.WithSyntaxRoot(Apply(root, invoke));
        }

        // `InvocationType.Event` is written qualified: add `using Amazon.Lambda;` if needed, then shorten it.
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
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
