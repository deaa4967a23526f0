using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP102: a store read made on every invocation (<c>await Ssm.GetParameterAsync(new GetParameterRequest { Name = X })</c>)
/// is fetched once per execution environment and kept: the call moves into a static helper that keeps the fetch's task in
/// a static field, and the site calls the helper.
/// <code>
/// private static Task&lt;GetParameterResponse&gt;? s_xFetch;
///
/// private static Task&lt;GetParameterResponse&gt; FetchXAsync() =&gt;
///     s_xFetch is { IsFaulted: false, IsCanceled: false } fetched ? fetched : s_xFetch = Ssm.GetParameterAsync(...);
/// </code>
/// Like a <c>Lazy&lt;Task&lt;T&gt;&gt;</c>, it fetches on first use and shares the one fetch; unlike it, a failed fetch is made
/// again by the next invocation instead of failing every invocation until the environment is recycled. Offered only where
/// the call means the same thing in every invocation: its client and request read nothing of the invocation (no local,
/// parameter, <c>this</c>, <c>await</c> or lambda; static members, constants, environment variables and new objects only),
/// in a class, struct or record. Where the value rotates and must be re-read after a while, the rule page shows caches with
/// a time to live (<c>SecretsManagerCache</c>, Powertools Parameters) instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP102FetchOnceCodeFixProvider))]
[Shared]
public sealed class LBP102FetchOnceCodeFixProvider : SiteCodeFixProvider<InvocationExpressionSyntax, LBP102FetchOnceCodeFixProvider.KeptFetch>
{
    public const string EquivalenceKey = "LBP102_FetchOnce";

    private const string FieldComment = "LBP102: fetched once per execution environment and kept (fetched again only if a fetch failed).";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FetchConfigurationOnce);

    private protected override string ActionKey => EquivalenceKey;

    private protected override string TitleOf(KeptFetch plan) => "Fetch it once per execution environment and keep it";

    private protected override InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is { } node
        && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
        && invocation.Span == diagnostic.Location.SourceSpan
            ? invocation
            : null;

    private protected override Task<KeptFetch?> PlanAsync(Document document, SemanticModel model, InvocationExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        KeptFetch? plan = null;
        if (model.GetOperation(node, cancellationToken) is IInvocationOperation { Type: INamedTypeSymbol { IsGenericType: true, Name: "Task" } taskType } fetch
            && ConfigurationReads.WhatIsFetched(fetch.TargetMethod) is not null
            && node.Expression is not MemberBindingExpressionSyntax
            && ((CSharpParseOptions)node.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp8
            && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax
            && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } typeDeclaration
            && model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is { } type
            && StateReads.Of(fetch, node) == StateRead.None
            && ReadsNothingElseOfTheFunction(fetch))
        {
            // `Task<T>?` only where nullable annotations are on where the field goes (after the site's member): elsewhere
            // the `?` would warn (CS8632), and its absence would where they are on (CS8618).
            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m.Parent == typeDeclaration);
            var nullable = model.GetNullableContext(member?.Span.End ?? node.SpanStart).AnnotationsEnabled();
            plan = new KeptFetch(typeDeclaration, type, taskType, BaseName(fetch), nullable);
        }

        return Task.FromResult(plan);
    }

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax node, KeptFetch plan, CancellationToken cancellationToken)
    {
        var (field, helper) = ChooseNames(plan.Type, plan.BaseName, model, node.SpanStart);
        var call = node.WithoutTrivia().ToFullString();
        var fetched = "fetched";
        var names = NamesIn(node);
        for (var i = 2; names.Contains(fetched); i++)
        {
            fetched = "fetched" + i.ToString(CultureInfo.InvariantCulture);
        }

        // 1. The site calls the helper.
        var newType = plan.TypeDeclaration.ReplaceNode(node, InvocationExpression(IdentifierName(helper)).WithTriviaFrom(node));

        // 2. The field and the helper go right after the member that holds the site (in its #if region, if any), with the
        //    call as it was written.
        var eol = LineEndings.Of(root);
        var taskType = plan.TaskType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var fieldText = $"// {FieldComment}\nprivate static {taskType}{(plan.Nullable ? "?" : "")} {field};\n";
        var helperText = $"private static {taskType} {helper}() =>\n    {field} is {{ IsFaulted: false, IsCanceled: false }} {fetched} ? {fetched} : {field} = {call};\n";
        var members = newType.Members;
        var siteMember = plan.TypeDeclaration.Members.IndexOf(m => m.Span.Contains(node.Span));
        var at = siteMember < 0 ? members.Count : siteMember + 1;

        // After the pairs this fix already added there (Fix All keeps them in the order of their sites).
        while (at + 1 < members.Count && members[at].GetLeadingTrivia().ToFullString().Contains(FieldComment))
        {
            at += 2;
        }

        members = members.Insert(at, ParseMember(fieldText, eol, leadingBlankLine: true));
        members = members.Insert(at + 1, ParseMember(helperText, eol, leadingBlankLine: true));
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(plan.TypeDeclaration, newType.WithMembers(members))));
    }

    /// <summary>The new members are written with qualified names: add the usings, then shorten the names and format.</summary>
    private protected override Task<Document> FinishAsync(Document document, CancellationToken cancellationToken) => ImportSimplifyAndFormatAsync(document, cancellationToken);

    /// <summary>What the fix does for one fetch: keep its task (<see cref="TaskType"/>) in a new static field of <see cref="Type"/>.</summary>
    public sealed class KeptFetch
    {
        internal KeptFetch(TypeDeclarationSyntax typeDeclaration, INamedTypeSymbol type, INamedTypeSymbol taskType, string baseName, bool nullable)
        {
            TypeDeclaration = typeDeclaration;
            Type = type;
            TaskType = taskType;
            BaseName = baseName;
            Nullable = nullable;
        }

        internal bool Nullable { get; }

        internal TypeDeclarationSyntax TypeDeclaration { get; }

        internal INamedTypeSymbol Type { get; }

        internal INamedTypeSymbol TaskType { get; }

        internal string BaseName { get; }
    }

    /// <summary>
    /// Beyond <see cref="StateReads"/> (locals, parameters, <c>this</c>, <c>await</c>, local functions): no lambda, no
    /// dynamic operation, and no type parameter of the method, which do not move into a static helper of the type.
    /// </summary>
    private static bool ReadsNothingElseOfTheFunction(IInvocationOperation fetch)
    {
        foreach (var operation in fetch.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation or IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation:
                case { Type: ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } }:
                case ITypeOfOperation { TypeOperand: ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } }:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The name the new members are made of: the static member naming the parameter or secret
    /// (<c>Name = LegacyRatesEndpointParameter</c> → <c>LegacyRatesEndpointParameter</c>), else what is fetched.
    /// </summary>
    private static string BaseName(IInvocationOperation fetch)
    {
        foreach (var operation in fetch.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name" or "SecretId" or "Path" or "Names" } } assignment
                && assignment.Value.WalkDownConversion() is IMemberReferenceOperation { Member.Name: var memberName } and (IFieldReferenceOperation or IPropertyReferenceOperation))
            {
                var name = memberName.TrimStart('_');
                if (name.StartsWith("s_", System.StringComparison.Ordinal))
                {
                    name = name.Substring(2);
                }

                if (name.Length > 0 && SyntaxFacts.IsValidIdentifier(name))
                {
                    return char.ToUpperInvariant(name[0]) + name.Substring(1);
                }
            }
        }

        return fetch.TargetMethod.Name.StartsWith("GetSecretValue", System.StringComparison.Ordinal) ? "Secret" : "Parameter";
    }

    /// <summary>The identifiers the call names (a static member called <c>fetched</c> must not be shadowed by the pattern variable).</summary>
    private static HashSet<string> NamesIn(SyntaxNode node)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                names.Add(token.ValueText);
            }
        }

        return names;
    }

    /// <summary>
    /// <c>X</c> → field <c>s_xFetch</c>, helper <c>FetchXAsync</c>; a free pair is picked when the type (with what it
    /// inherits) has them, or when a local or local function at the site would hide the helper.
    /// </summary>
    private static (string Field, string Helper) ChooseNames(INamedTypeSymbol type, string baseName, SemanticModel model, int site)
    {
        for (var i = 1; ; i++)
        {
            var suffix = i == 1 ? "" : i.ToString(CultureInfo.InvariantCulture);
            var name = baseName + suffix;
            var field = "s_" + char.ToLowerInvariant(name[0]) + name.Substring(1) + "Fetch";
            var helper = "Fetch" + name + "Async";
            if (type.GetMembers(field).IsEmpty && type.GetMembers(helper).IsEmpty
                && model.LookupSymbols(site, name: helper).IsEmpty && model.LookupSymbols(site, name: field).IsEmpty)
            {
                return (field, helper);
            }
        }
    }

    private static MemberDeclarationSyntax ParseMember(string text, SyntaxTrivia eol, bool leadingBlankLine)
    {
        var member = GeneratedMembers.Parse(text, eol);
        return leadingBlankLine ? member.WithLeadingTrivia(member.GetLeadingTrivia().Insert(0, eol)) : member;
    }
}
