using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>Applies a <see cref="ClientFieldPlan"/> to a syntax root, keeping every comment of the code it moves or removes.</summary>
internal static class ClientFieldRewriter
{
    public static SyntaxNode Apply(SyntaxNode root, ClientFieldPlan plan)
    {
        var eol = LineEndings.Of(root, ElasticCarriageReturnLineFeed);
        var tracked = new List<SyntaxNode> { plan.Creation };
        if (plan.TypeDeclaration is not null)
        {
            tracked.Add(plan.TypeDeclaration);
        }

        if (plan.HandlerStatement is not null)
        {
            tracked.Add(plan.HandlerStatement);
        }

        tracked.AddRange(plan.References);
        tracked.AddRange(plan.Constructors);
        if (plan.RemovedDeclaration is not null)
        {
            tracked.Add(plan.RemovedDeclaration);
        }

        root = root.TrackNodes(tracked);

        // 1. Every use of the local becomes a use of the field.
        root = root.ReplaceNodes(
            plan.References.SelectMany(r => root.GetCurrentNodes(r)),
            (_, current) => IdentifierName(plan.FieldName).WithTriviaFrom(current));

        // 2. The declaration goes (its comments travel with the field), or the expression becomes the field.
        var creation = StripTrivia(plan.Creation);
        var movedComments = SyntaxTriviaList.Empty;
        var trailingComments = SyntaxTriviaList.Empty;
        if (plan.RemovedDeclaration is not null && root.GetCurrentNode(plan.RemovedDeclaration) is { } removed)
        {
            movedComments = CommentsOf(removed.GetLeadingTrivia(), eol);
            trailingComments = CommentsOf(removed.GetTrailingTrivia(), eol);
            if (removed is UsingStatementSyntax usingStatement)
            {
                root = Unwrap(root, usingStatement, ref movedComments, eol);
            }
            else
            {
                root = RemoveStatement(root, (StatementSyntax)removed);
            }
        }
        else if (root.GetCurrentNode(plan.Creation) is { } currentCreation)
        {
            ExpressionSyntax use = plan.Replacement is { } replacement ? replacement.WithAdditionalAnnotations(Formatter.Annotation) : IdentifierName(plan.FieldName);
            root = root.ReplaceNode(currentCreation, use.WithTriviaFrom(currentCreation));
        }

        // 3. Constructor variant: assign the field at the end of every constructor.
        if (plan.Kind == ClientFieldKind.Constructor)
        {
            var assignment = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(plan.FieldName), creation))
                .WithAdditionalAnnotations(Formatter.Annotation);
            root = root.ReplaceNodes(
                plan.Constructors.SelectMany(c => root.GetCurrentNodes(c)),
                (_, current) => current.WithBody(current.Body!.AddStatements(assignment)));
        }

        if (plan.Kind == ClientFieldKind.BeforeHandler)
        {
            return InsertBeforeHandler(root, plan, creation, movedComments, trailingComments, eol);
        }

        // 4. The field itself, after the last field of the type (or first in the type).
        var typeDeclaration = root.GetCurrentNode(plan.TypeDeclaration!)!;
        if (plan.ReusesExistingField)
        {
            return root;
        }

        var field = CreateField(plan, creation, movedComments, trailingComments, eol);
        var members = typeDeclaration.Members;
        var lastField = members.LastOrDefault(m => m is FieldDeclarationSyntax);
        var index = lastField is null ? 0 : members.IndexOf(lastField) + 1;
        if (lastField is not null && movedComments.Count > 0 && !EndsWithBlankLine(lastField.GetTrailingTrivia()))
        {
            // A blank line sets the moved comments apart from the field above; without it the formatter would align them
            // under that field's trailing comment.
            field = field.WithLeadingTrivia(field.GetLeadingTrivia().Insert(0, eol));
        }

        var inserted = new List<MemberDeclarationSyntax> { field };
        if (plan.Kind == ClientFieldKind.Constructor && plan.Constructors.IsEmpty)
        {
            inserted.Add(CreateConstructor(typeDeclaration, plan, creation));
        }

        if (lastField is null && members.Count > 0)
        {
            // A blank line between the new members and what follows.
            var last = inserted[inserted.Count - 1];
            inserted[inserted.Count - 1] = last.WithTrailingTrivia(last.GetTrailingTrivia().Add(eol));
        }

        if (lastField is not null && inserted.Count > 1)
        {
            inserted[1] = inserted[1].WithLeadingTrivia(inserted[1].GetLeadingTrivia().Insert(0, eol));
        }

        return root.ReplaceNode(typeDeclaration, typeDeclaration.WithMembers(members.InsertRange(index, inserted)));
    }

    private static ExpressionSyntax StripTrivia(ExpressionSyntax creation) =>
        creation.WithoutLeadingTrivia().WithoutTrailingTrivia();

    private static FieldDeclarationSyntax CreateField(ClientFieldPlan plan, ExpressionSyntax creation, SyntaxTriviaList leadingComments, SyntaxTriviaList trailingComments, SyntaxTrivia eol)
    {
        var modifiers = plan.Kind is ClientFieldKind.Static or ClientFieldKind.PerKeyStatic
            ? TokenList(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.ReadOnlyKeyword))
            : TokenList(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.ReadOnlyKeyword));
        var declarator = VariableDeclarator(Identifier(plan.FieldName));
        if (plan.Kind == ClientFieldKind.Static)
        {
            declarator = declarator.WithInitializer(EqualsValueClause(creation));
        }
        else if (plan.Kind is ClientFieldKind.PerKeyStatic or ClientFieldKind.PerKeyInstance)
        {
            // The cache of clients, empty: `new ConcurrentDictionary<string, IAmazonS3>()`.
            declarator = declarator.WithInitializer(EqualsValueClause(ObjectCreationExpression(plan.FieldType.WithoutTrivia()).WithArgumentList(ArgumentList())));
        }

        var field = FieldDeclaration(VariableDeclaration(plan.FieldType.WithoutTrivia(), SingletonSeparatedList(declarator)))
            .WithModifiers(modifiers)
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (leadingComments.Count > 0)
        {
            field = field.WithLeadingTrivia(leadingComments);
        }

        if (trailingComments.Count > 0)
        {
            field = field.WithTrailingTrivia(trailingComments.Insert(0, Space));
        }

        return field;
    }

    /// <summary>Top-level programs: <c>var s3 = new AmazonS3Client();</c> as a statement in front of the handler's statement.</summary>
    private static SyntaxNode InsertBeforeHandler(SyntaxNode root, ClientFieldPlan plan, ExpressionSyntax creation, SyntaxTriviaList leadingComments, SyntaxTriviaList trailingComments, SyntaxTrivia eol)
    {
        var handlerStatement = root.GetCurrentNode(plan.HandlerStatement!)!;
        var compilationUnit = (CompilationUnitSyntax)handlerStatement.Parent!;
        var declaration = LocalDeclarationStatement(
            VariableDeclaration(plan.FieldType, SingletonSeparatedList(VariableDeclarator(Identifier(plan.FieldName)).WithInitializer(EqualsValueClause(creation)))));
        if (leadingComments.Count > 0)
        {
            declaration = declaration.WithLeadingTrivia(leadingComments);
        }

        declaration = declaration.WithTrailingTrivia(trailingComments.Count > 0 ? trailingComments.Insert(0, Space) : TriviaList(eol));
        var statement = GlobalStatement(declaration).WithAdditionalAnnotations(Formatter.Annotation);

        // The blank lines above the handler's statement go above the new one; the handler keeps its own comments.
        var handlerLeading = handlerStatement.GetLeadingTrivia();
        var firstComment = 0;
        while (firstComment < handlerLeading.Count && (handlerLeading[firstComment].IsKind(SyntaxKind.EndOfLineTrivia) || handlerLeading[firstComment].IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            firstComment++;
        }

        statement = statement.WithLeadingTrivia(TriviaList(handlerLeading.Take(firstComment)).AddRange(statement.GetLeadingTrivia()));
        var newHandler = handlerStatement.WithLeadingTrivia(TriviaList(handlerLeading.Skip(firstComment)).Insert(0, eol));
        var index = compilationUnit.Members.IndexOf(handlerStatement);
        var members = compilationUnit.Members.RemoveAt(index).InsertRange(index, new MemberDeclarationSyntax[] { statement, newHandler });
        return root.ReplaceNode(compilationUnit, compilationUnit.WithMembers(members));
    }

    private static ConstructorDeclarationSyntax CreateConstructor(TypeDeclarationSyntax typeDeclaration, ClientFieldPlan plan, ExpressionSyntax creation)
    {
        var accessibility = typeDeclaration.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
        return ConstructorDeclaration(typeDeclaration.Identifier.WithoutTrivia())
            .WithModifiers(TokenList(Token(accessibility)))
            .WithBody(Block(ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(plan.FieldName), creation))))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>Replaces <c>using (var x = new Client()) { body }</c> by the body's statements, keeping the comments of its braces.</summary>
    private static SyntaxNode Unwrap(SyntaxNode root, UsingStatementSyntax usingStatement, ref SyntaxTriviaList movedComments, SyntaxTrivia eol)
    {
        if (usingStatement.Statement is not BlockSyntax block)
        {
            var single = usingStatement.Statement.WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(usingStatement, single);
        }

        var statements = block.Statements.ToList();
        if (statements.Count == 0)
        {
            movedComments = movedComments.AddRange(CommentsOf(block.OpenBraceToken.TrailingTrivia, eol)).AddRange(CommentsOf(block.CloseBraceToken.LeadingTrivia, eol));
            return root.RemoveNode(usingStatement, SyntaxRemoveOptions.KeepExteriorTrivia)!;
        }

        var openComments = CommentsOf(block.OpenBraceToken.TrailingTrivia, eol);
        if (openComments.Count > 0)
        {
            statements[0] = statements[0].WithLeadingTrivia(statements[0].GetLeadingTrivia().InsertRange(0, openComments));
        }

        var closeComments = CommentsOf(block.CloseBraceToken.LeadingTrivia, eol);
        if (closeComments.Count > 0)
        {
            var last = statements[statements.Count - 1];
            statements[statements.Count - 1] = last.WithTrailingTrivia(last.GetTrailingTrivia().AddRange(closeComments));
        }

        statements = statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
        if (usingStatement.Parent is BlockSyntax parentBlock)
        {
            var index = parentBlock.Statements.IndexOf(usingStatement);
            var newBlock = parentBlock.WithStatements(parentBlock.Statements.RemoveAt(index).InsertRange(index, statements));
            return root.ReplaceNode(parentBlock, newBlock);
        }

        if (usingStatement.Parent is SwitchSectionSyntax section)
        {
            var index = section.Statements.IndexOf(usingStatement);
            return root.ReplaceNode(section, section.WithStatements(section.Statements.RemoveAt(index).InsertRange(index, statements)));
        }

        return root.ReplaceNode(usingStatement, block.WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>
    /// Removes a statement with its own trivia. When it opened its block, the blank lines that separated it from
    /// the next statement go too, so the block does not start with an empty line.
    /// </summary>
    private static SyntaxNode RemoveStatement(SyntaxNode root, StatementSyntax statement)
    {
        if (statement.Parent is BlockSyntax block && block.Statements.IndexOf(statement) is 0 && block.Statements.Count > 1)
        {
            var next = block.Statements[1];
            var trivia = next.GetLeadingTrivia();
            var skip = 0;
            while (skip < trivia.Count && (trivia[skip].IsKind(SyntaxKind.EndOfLineTrivia) || (trivia[skip].IsKind(SyntaxKind.WhitespaceTrivia) && skip + 1 < trivia.Count && trivia[skip + 1].IsKind(SyntaxKind.EndOfLineTrivia))))
            {
                skip++;
            }

            var newBlock = block
                .WithStatements(block.Statements.Replace(next, next.WithLeadingTrivia(TriviaList(trivia.Skip(skip)))).RemoveAt(0));
            return root.ReplaceNode(block, newBlock);
        }

        return root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
    }

    /// <summary>
    /// True when trivia ends with an empty line. (A member added by an earlier fix of the same Fix All still owns the blank
    /// line after it: the tree is not re-parsed between fixes.)
    /// </summary>
    private static bool EndsWithBlankLine(SyntaxTriviaList trivia) =>
        trivia.Count >= 2 && trivia[trivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia) && trivia[trivia.Count - 2].IsKind(SyntaxKind.EndOfLineTrivia);

    /// <summary>The comments of <paramref name="trivia"/>, each on its own line.</summary>
    private static SyntaxTriviaList CommentsOf(SyntaxTriviaList trivia, SyntaxTrivia eol)
    {
        var result = new List<SyntaxTrivia>();
        foreach (var t in trivia)
        {
            if (t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                result.Add(t);
                result.Add(eol);
            }
        }

        return TriviaList(result);
    }
}
