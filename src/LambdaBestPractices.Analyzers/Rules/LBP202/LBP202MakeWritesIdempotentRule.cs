using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP202: a write that a redelivered event repeats with a different effect, on the invocation path of a handler whose
/// event source delivers at least once (<see cref="EventSources.AtLeastOnce"/>):
/// <list type="bullet">
/// <item>fresh keys: a DynamoDB <c>PutItem</c>, <c>UpdateItem</c>, <c>TransactWriteItems</c>, <c>BatchWriteItem</c>,
/// <c>Table.PutItem(Async)</c> or <c>DynamoDBContext.Save(Async)</c>, or an S3 <c>PutObject</c>, whose key is made from a
/// fresh value (<see cref="ValueOrigins.FreshPart(IOperation)"/>);</item>
/// <item>increments: a DynamoDB <c>UpdateItem</c> whose <c>UpdateExpression</c> adds or appends (<c>ADD</c>,
/// <c>SET a = a + :v</c>, <c>SET a = a - :v</c>, <c>list_append</c>) with no <c>ConditionExpression</c> and no legacy
/// <c>Expected</c>.</item>
/// </list>
/// Silent: conditional writes, <c>TransactWriteItems</c> with a <c>ClientRequestToken</c>, and anything reached only
/// through a method marked with Powertools' <c>[Idempotent]</c> (the reachability treats those methods as barriers).
/// For <c>PutItem</c>, only attributes whose names look like keys count (<c>pk</c>, <c>sk</c>, <c>id</c>, <c>orderId</c>,
/// <c>order_key</c>...): a fresh <c>createdAt</c> is a timestamp, not a key.
/// <para>
/// Across types: a key made from a parameter of a method other code calls (a public service method, an interface
/// implemented in source) is fresh when a call on an at-least-once handler's path passes a fresh value to it
/// (<see cref="CrossTypeArguments"/>). Each type records what its calls pass at its end; the write is decided at compilation
/// end, reported at the write with the fresh value (in the caller) as its related location.
/// </para>
/// </summary>
public sealed class LBP202MakeWritesIdempotentRule : PathRule
{
    /// <summary>Diagnostic property: <c>FreshKey</c> or <c>Increment</c>. The fresh value is the first additional location.</summary>
    public const string KindProperty = "LBP202.Kind";
    public const string FreshKeyKind = "FreshKey";

    /// <summary>Diagnostic property, present when the fresh value is one a caller passes (in another member): no fix then.</summary>
    public const string PassedByCallerProperty = "LBP202.PassedByCaller";
    public const string IncrementKind = "Increment";

    /// <summary>A forward whose target takes an idempotency key (an execution name, a FIFO deduplication ID) given none.</summary>
    public const string MissingKeyKind = "MissingKey";

    /// <summary>The assembly of Powertools' <c>[Idempotent]</c> (package AWS.Lambda.Powertools.Idempotency).</summary>

    private static readonly Regex ListAppend = new(@"\blist_append\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex AddClause = new(@"(?:^|\s)ADD\s+[#\w]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex SetClause = new(@"(?:^|\s)SET\s+(?<body>.*?)(?=\s(?:ADD|REMOVE|DELETE)\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex PathToken = new(@"[#\w][\w.\[\]#]*", RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP202_MakeWritesIdempotent, Descriptors.LBP202_MakeWritesIdempotent_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP202_MakeWritesIdempotent;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP202_MakeWritesIdempotent_CrossType;

    /// <summary>Only where the AWS SDK is referenced: every form is an SDK call.</summary>
    private protected override bool RuleAppliesTo(LambdaSymbols symbols) => !symbols.AmazonServiceClient.IsEmpty;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites) =>
        WholeTypeSites.Register(context, symbols, sites, MentionedWords, IsCandidate, FindSites);

    /// <summary>Every write the rule checks names one of these in the source (DynamoDB and S3 writes, DynamoDBContext saves).</summary>
    private static readonly WordSet MentionedWords =
        WordSet.Of("PutItem", "UpdateItem", "TransactWriteItems", "BatchWriteItem", "PutObject", "Save", "StartExecution", "SendMessage", "Publish", "NewGuid", "CreateVersion7", "Now", "Random", "TickCount", "GetTimestamp");

    /// <summary>[Idempotent] can only be there when Powertools Idempotency is referenced; otherwise the cached reachability serves.</summary>
    private protected override Func<FunctionKey, bool>? Barrier(LambdaSymbols symbols)
    {
        var attribute = symbols.IdempotentAttribute;
        if (attribute.IsEmpty)
        {
            return null;
        }

        // A method marked with Powertools' [Idempotent]: what runs inside it is safe to replay. Only a method declared in
        // source can be one (the attribute is an aspect woven into the marked method's own body); asking a referenced
        // assembly's members for their attributes would decode them for every SDK and BCL node of the call graph.
        return key => key.Symbol is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } method
            && method.GetAttributes().Any(a => LambdaSymbols.Contains(attribute, a.AttributeClass));
    }

    private static bool IsCandidate(IInvocationOperation invocation) =>
        IsSdkWrite(invocation) || CrossTypeArguments.PassesToSource(invocation, MayBeFresh);

    /// <summary>
    /// An explicit argument that is not a constant (a constant is the same value on every delivery, never fresh), for a
    /// parameter that can hold a fresh value: a key written from a parameter of any other type (an order, an event record)
    /// is never waited for (<see cref="ValueOrigins.CanHoldFreshValue"/>), so what calls pass there is not recorded.
    /// </summary>
    private static bool MayBeFresh(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter && !argument.Value.ConstantValue.HasValue
        && ValueOrigins.CanHoldFreshValue(parameter.Type);

    private static bool IsSdkWrite(IInvocationOperation invocation) =>
        ResourceSlots.IsSdkMember(invocation.TargetMethod)
        && invocation.TargetMethod.ContainingAssembly?.Name is "AWSSDK.DynamoDBv2" or "AWSSDK.S3" or "AWSSDK.StepFunctions" or "AWSSDK.SQS" or "AWSSDK.SimpleNotificationService";


    private static IReadOnlyList<RuleSite> FindSites(LambdaSymbols symbols, TypeBodySet type, IReadOnlyList<(ISymbol Owner, IInvocationOperation Call)> candidates, CancellationToken cancellationToken)
    {
        var sites = new List<RuleSite>();
        var arguments = LambdaCompilation.For(symbols.Compilation).Arguments;
        ValueOrigins? origins = null;
        foreach (var (owner, invocation) in candidates)
        {
            origins ??= type.Origins(symbols, cancellationToken);
            if (!IsSdkWrite(invocation))
            {
                RecordFreshArguments(arguments, origins, owner, invocation);
            }
            else if (new Writes(symbols, origins).Classify(invocation) is { } finding)
            {
                sites.Add(new Site(invocation.ContainingFunction(owner), invocation.Syntax.GetLocation(), finding, arguments));
            }
        }

        return sites;
    }

    /// <summary>The fresh values a call passes to a method declared in source, recorded for the writes keyed by its parameters.</summary>
    private static void RecordFreshArguments(CrossTypeArguments arguments, ValueOrigins origins, ISymbol owner, IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (MayBeFresh(argument) && argument.Parameter is { } parameter
                && origins.FreshPart(argument.Value) is { Kind: OriginKind.Fresh } fresh)
            {
                arguments.Add(invocation.TargetMethod, parameter.Ordinal, fresh, invocation.ContainingFunction(owner));
            }
        }
    }

    /// <summary>
    /// A write keyed by a parameter other code passes (<see cref="Finding.Pending"/>): reported when a call on an
    /// at-least-once handler's path passes it a fresh value, with that value as the related location (the first such call
    /// in source order).
    /// </summary>
    private protected override Diagnostic? CreateCrossTypeDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, Reachability reach)
    {
        if (site is not Site { Finding.Pending: { } parameter } pending)
        {
            return base.CreateCrossTypeDiagnostic(descriptor, site, reach);
        }

        if ((reach.SourcesReaching(site.Function) & EventSources.AtLeastOnce) == EventSources.None)
        {
            return null;
        }

        var passed = pending.Arguments.To(parameter)
            .Where(p => p.Origin.Kind == OriginKind.Fresh)
            .OrderBy(p => p.Origin.Syntax!.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(p => p.Origin.Syntax!.SpanStart);
        foreach (var value in passed)
        {
            var sources = reach.SourcesReaching(value.Caller) & EventSources.AtLeastOnce;
            if (sources != EventSources.None)
            {
                return pending.Complete(value.Origin).CreateDiagnostic(descriptor, sources);
            }
        }

        return null;
    }

    /// <summary>
    /// What a replay duplicates and why; <see cref="Related"/> is the fresh value or the update expression. A fresh key whose
    /// value the callers of a method pass is <see cref="Pending"/> until compilation end (<see cref="Complete"/>).
    /// </summary>
    internal readonly struct Finding
    {
        private readonly Func<string, string>? _reasonFor;

        public Finding(string duplicate, string reason, SyntaxNode related, string kind, bool passedByCaller = false)
        {
            Duplicate = duplicate;
            Reason = reason;
            Related = related;
            Kind = kind;
            Pending = null;
            PassedByCaller = passedByCaller;
            _reasonFor = null;
        }

        private Finding(string duplicate, Func<string, string> reasonFor, ValueOrigin byCaller)
        {
            Duplicate = duplicate;
            Reason = reasonFor(byCaller.Detail);
            Related = byCaller.Syntax!;
            Kind = FreshKeyKind;
            Pending = byCaller.Parameter;
            PassedByCaller = false;
            _reasonFor = reasonFor;
        }

        public string Duplicate { get; }

        public string Reason { get; }

        public SyntaxNode Related { get; }

        public string Kind { get; }

        /// <summary>The parameter whose callers decide whether the key is fresh, or null when the finding is complete.</summary>
        public IParameterSymbol? Pending { get; }

        /// <summary>A fresh-key finding for <paramref name="origin"/> (fresh, or passed by callers), the reason naming the fresh value.</summary>
        public static Finding FreshKey(string duplicate, ValueOrigin origin, Func<string, string> reasonFor) =>
            origin.Kind == OriginKind.CallerArgument
                ? new Finding(duplicate, reasonFor, origin)
                : new Finding(duplicate, reasonFor(origin.Detail), origin.Syntax!, FreshKeyKind);

        /// <summary>The pending finding once a caller is known to pass <paramref name="fresh"/>.</summary>
        public Finding Complete(ValueOrigin fresh) => new(Duplicate, _reasonFor!(fresh.Detail), fresh.Syntax!, Kind, passedByCaller: true);

        /// <summary>True once <see cref="Complete"/> took the fresh value from a caller.</summary>
        public bool PassedByCaller { get; }

        /// <summary>A found key over a pending one (each write reports one finding: the first complete one, else the first pending).</summary>
        public static Finding? Prefer(Finding? current, Finding? candidate) =>
            current is { Pending: null } ? current : candidate is { Pending: null } ? candidate : current ?? candidate;
    }

    private sealed class Site : RuleSite
    {
        public Site(FunctionKey function, Location location, Finding finding, CrossTypeArguments arguments)
            : base(function, location)
        {
            Finding = finding;
            Arguments = arguments;
        }

        public Finding Finding { get; }

        public CrossTypeArguments Arguments { get; }

        public Site Complete(ValueOrigin fresh) => new(Function, Location, Finding.Complete(fresh), Arguments);

        /// <summary>Only handlers of at-least-once sources replay the write; a pending key waits for compilation end.</summary>
        public override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources)
        {
            var sources = reachingSources & EventSources.AtLeastOnce;
            if (sources == EventSources.None || Finding.Pending is not null)
            {
                return null;
            }

            var message = $"A redelivered {SourceNoun(sources)} {Finding.Duplicate}: {Finding.Reason}";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, Finding.Kind);
            if (Finding.PassedByCaller)
            {
                properties = properties.Add(PassedByCallerProperty, "true");
            }

            return Diagnostic.Create(descriptor, Location, new[] { Finding.Related.GetLocation() }, properties, message);
        }
    }

    /// <summary>How a message names the redelivered event: one source by name, several as "event".</summary>
    internal static string SourceNoun(EventSources sources) => sources switch
    {
        EventSources.Sqs => "SQS message",
        EventSources.Sns => "SNS message",
        EventSources.S3 => "S3 event notification",
        EventSources.Kinesis => "Kinesis record",
        EventSources.DynamoDBStream => "DynamoDB stream record",
        EventSources.EventBridge => "EventBridge event",
        EventSources.Kafka => "Kafka record",
        _ => "event",
    };

    /// <summary>
    /// An attribute name that looks like a key: its last word (split at <c>_ - # .</c> and camel humps) is <c>id</c>,
    /// <c>key</c>, <c>uuid</c>, <c>guid</c>, or ends with <c>pk</c>/<c>sk</c> (<c>pk</c>, <c>GSI1PK</c>, <c>orderId</c>,
    /// <c>order_key</c>, <c>PK</c>).
    /// </summary>
    internal static bool LooksLikeKeyName(string name)
    {
        var end = name.Length;
        while (end > 0 && !char.IsLetterOrDigit(name[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return false;
        }

        var start = end - 1;
        while (start > 0 && char.IsLetterOrDigit(name[start - 1]) && !(char.IsUpper(name[start]) && char.IsLower(name[start - 1])))
        {
            start--;
        }

        var word = name.Substring(start, end - start).ToLowerInvariant();
        return word is "id" or "key" or "uuid" or "guid" or "hashkey" or "rangekey" or "partitionkey" or "sortkey"
            || word.EndsWith("pk", StringComparison.Ordinal) || word.EndsWith("sk", StringComparison.Ordinal);
    }

    /// <summary>The writes LBP202 knows, read with one type's <see cref="ValueOrigins"/>.</summary>
    private readonly struct Writes
    {
        private static readonly string[] DynamoDB = { "Amazon", "DynamoDBv2" };
        private static readonly string[] DynamoDBDataModel = { "Amazon", "DynamoDBv2", "DataModel" };
        private static readonly string[] DynamoDBDocumentModel = { "Amazon", "DynamoDBv2", "DocumentModel" };

        private readonly LambdaSymbols _symbols;
        private readonly ValueOrigins _origins;

        public Writes(LambdaSymbols symbols, ValueOrigins origins)
        {
            _symbols = symbols;
            _origins = origins;
        }

        public Finding? Classify(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var ns = method.ContainingType?.ContainingNamespace;
            switch (method.ContainingAssembly?.Name)
            {
                case "AWSSDK.S3":
                    return name is "PutObject" or "PutObjectAsync" ? S3Put(invocation) : null;
                case "AWSSDK.StepFunctions":
                    return name is "StartExecution" or "StartExecutionAsync" ? StartExecution(invocation) : null;
                case "AWSSDK.SQS":
                    return name is "SendMessage" or "SendMessageAsync" ? FifoForward(invocation, "QueueUrl", "queueUrl", "MessageBody", "messageBody", "sends a second message") : null;
                case "AWSSDK.SimpleNotificationService":
                    return name is "Publish" or "PublishAsync" ? FifoForward(invocation, "TopicArn", "topicArn", "Message", "message", "publishes a second message") : null;
            }

            if (ns.IsNamespace(DynamoDBDataModel))
            {
                return name is "Save" or "SaveAsync" ? ContextSave(invocation) : null;
            }

            if (ns.IsNamespace(DynamoDBDocumentModel))
            {
                return name is "PutItem" or "PutItemAsync" ? TablePut(invocation) : null;
            }

            if (!ns.IsNamespace(DynamoDB))
            {
                return null;
            }

            return name switch
            {
                "PutItem" or "PutItemAsync" => PutItem(invocation),
                "UpdateItem" or "UpdateItemAsync" => UpdateItem(invocation),
                "TransactWriteItems" or "TransactWriteItemsAsync" => TransactWrite(invocation),
                "BatchWriteItem" or "BatchWriteItemAsync" => BatchWrite(invocation),
                _ => null,
            };
        }

        private Finding? S3Put(IInvocationOperation invocation)
        {
            var request = Request(invocation);
            if (request is null || !request.TryGetValue("Key", out var key) || _origins.FreshPart(key) is not { Kind: OriginKind.Fresh or OriginKind.CallerArgument } fresh)
            {
                return null;
            }

            return Finding.FreshKey("writes a second object", fresh, detail => "the object key comes from " + detail);
        }

        /// <summary>
        /// Step Functions <c>StartExecution</c> (Standard workflows): a second call with the same <c>Name</c> and input is a
        /// no-op, so a request with no name, or a fresh one, starts a second execution on redelivery.
        /// </summary>
        private Finding? StartExecution(IInvocationOperation invocation)
        {
            if (RequestCreation(invocation) is not { } creation || Request(invocation) is not { } request)
            {
                return null;
            }

            if (!request.TryGetValue("Name", out var name) || IsNull(name))
            {
                if (RequestEscapes(invocation))
                {
                    return null;
                }

                return new Finding(
                    "starts a second execution",
                    "the StartExecution request has no Name (an execution name derived from the message makes a redelivery a no-op)",
                    creation.Syntax,
                    MissingKeyKind);
            }

            return _origins.FreshPart(name) is { Kind: OriginKind.Fresh or OriginKind.CallerArgument } fresh
                ? Finding.FreshKey("starts a second execution", fresh, detail => "the execution name comes from " + detail)
                : null;
        }

        /// <summary>
        /// An SQS send or SNS publish to a FIFO queue or topic (a constant URL or ARN ending in <c>.fifo</c>, or a
        /// <c>MessageDeduplicationId</c>, which only FIFO targets take): a fresh <c>MessageDeduplicationId</c> makes a
        /// redelivered forward a second message; without one, the target deduplicates by content (the send fails
        /// otherwise), which a body with a fresh part defeats. <c>MessageGroupId</c> alone proves nothing (standard queues
        /// take it for fair queuing). Standard queues and topics have no key to use: silent.
        /// </summary>
        private Finding? FifoForward(IInvocationOperation invocation, string targetProperty, string targetParameter, string bodyProperty, string bodyParameter, string duplicate)
        {
            IOperation? target;
            IOperation? body;
            Dictionary<string, IOperation>? request = null;
            if (RequestCreation(invocation) is not null)
            {
                if (Request(invocation) is not { } properties)
                {
                    return null;
                }

                request = properties;
                properties.TryGetValue(targetProperty, out target);
                properties.TryGetValue(bodyProperty, out body);
            }
            else
            {
                target = Argument(invocation, targetParameter);
                body = Argument(invocation, bodyParameter);
            }

            if (request is not null && request.TryGetValue("MessageDeduplicationId", out var deduplication) && !IsNull(deduplication))
            {
                return _origins.FreshPart(deduplication) is { Kind: OriginKind.Fresh or OriginKind.CallerArgument } fresh
                    ? Finding.FreshKey(duplicate, fresh, detail => "the MessageDeduplicationId comes from " + detail)
                    : null;
            }

            var fifo = target is not null && ConstantText(target) is { } url && url.TrimEnd().EndsWith(".fifo", StringComparison.OrdinalIgnoreCase);
            if (!fifo || body is null || RequestEscapes(invocation) || _origins.FreshPart(body) is not { Kind: OriginKind.Fresh } freshBody)
            {
                return null;
            }

            var noun = targetProperty == "QueueUrl" ? "queue" : "topic";
            return new Finding(
                duplicate,
                $"the FIFO {noun} gets no MessageDeduplicationId, so it deduplicates by content, and the body carries {freshBody.Detail} (set a MessageDeduplicationId derived from the message)",
                freshBody.Syntax ?? body.Syntax,
                MissingKeyKind);
        }

        /// <summary>
        /// Whether the request local is used other than by writes to its properties and the call itself (handed to a helper,
        /// captured by a lambda, returned): a property the rule misses may be set there.
        /// </summary>
        private static bool RequestEscapes(IInvocationOperation invocation)
        {
            if (RequestArgument(invocation) is not ILocalReferenceOperation requestLocal)
            {
                return false;
            }

            foreach (var reference in BodyFacts.Of(invocation).References(requestLocal.Local))
            {
                if (reference == requestLocal || reference.Parent is IPropertyReferenceOperation)
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        /// <summary>The request object a call is given, when it is created in this body (through locals).</summary>
        private static IObjectCreationOperation? RequestCreation(IInvocationOperation invocation) =>
            RequestArgument(invocation) is { } value ? BodyFacts.ResolveThroughLocals(value) as IObjectCreationOperation : null;

        /// <summary>The call's first explicit argument of a <c>*Request</c> type.</summary>
        private static IOperation? RequestArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value.WalkDownConversion();
                if (argument.ArgumentKind == ArgumentKind.Explicit && value.Type is INamedTypeSymbol { Name: { } typeName } && typeName.EndsWith("Request", StringComparison.Ordinal))
                {
                    return value;
                }
            }

            return null;
        }

        private Finding? PutItem(IInvocationOperation invocation)
        {
            IOperation? item;
            if (Request(invocation) is { } request)
            {
                if (IsConditional(request))
                {
                    return null;
                }

                request.TryGetValue("Item", out item);
            }
            else
            {
                item = Argument(invocation, "item");
            }

            return item is null ? null : FreshKeyIn(item, keyNamesOnly: true);
        }

        private Finding? UpdateItem(IInvocationOperation invocation)
        {
            if (Request(invocation) is not { } request)
            {
                return Argument(invocation, "key") is { } keyArgument ? FreshKeyIn(keyArgument, keyNamesOnly: false) : null;
            }

            if (IsConditional(request))
            {
                return null;
            }

            Finding? fresh = request.TryGetValue("Key", out var key) ? FreshKeyIn(key, keyNamesOnly: false) : null;
            if (fresh is { Pending: null })
            {
                return fresh;
            }

            if (request.TryGetValue("UpdateExpression", out var expression)
                && ConstantText(expression) is { } text
                && Increment(text) is { } increment)
            {
                return new Finding(increment.Duplicate, increment.Reason + " without a ConditionExpression", expression.Syntax, IncrementKind);
            }

            return fresh;
        }

        private Finding? TransactWrite(IInvocationOperation invocation)
        {
            if (Request(invocation) is not { } request || (request.TryGetValue("ClientRequestToken", out var token) && !IsNull(token))
                || !request.TryGetValue("TransactItems", out var items))
            {
                return null;
            }

            Finding? found = null;
            foreach (var creation in Creations(items))
            {
                var properties = Properties(creation);
                switch (creation.Type?.Name)
                {
                    case "Put" when !IsConditional(properties) && properties.TryGetValue("Item", out var item):
                        found = Finding.Prefer(found, FreshKeyIn(item, keyNamesOnly: true));
                        break;
                    case "Update" when !IsConditional(properties) && properties.TryGetValue("Key", out var key):
                        found = Finding.Prefer(found, FreshKeyIn(key, keyNamesOnly: false));
                        break;
                }

                if (found is { Pending: null })
                {
                    return found;
                }
            }

            return found;
        }

        private Finding? BatchWrite(IInvocationOperation invocation)
        {
            IOperation? items = null;
            if (Request(invocation) is { } request)
            {
                request.TryGetValue("RequestItems", out items);
            }
            else
            {
                items = Argument(invocation, "requestItems");
            }

            if (items is null)
            {
                return null;
            }

            Finding? found = null;
            foreach (var creation in Creations(items))
            {
                if (creation.Type?.Name != "PutRequest")
                {
                    continue;
                }

                var item = Properties(creation).TryGetValue("Item", out var assigned) ? assigned : creation.Arguments.FirstOrDefault()?.Value;
                if (item is not null)
                {
                    found = Finding.Prefer(found, FreshKeyIn(item, keyNamesOnly: true));
                    if (found is { Pending: null })
                    {
                        return found;
                    }
                }
            }

            return found;
        }

        /// <summary><c>table.PutItemAsync(document)</c>, unless a config passes a condition (or cannot be read).</summary>
        private Finding? TablePut(IInvocationOperation invocation)
        {
            IOperation? document = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                var typeName = argument.Value.WalkDownConversion().Type?.Name;
                if (typeName == "Document")
                {
                    document = argument.Value;
                }
                else if (typeName is not null && typeName.EndsWith("Config", StringComparison.Ordinal) && !IsNull(argument.Value))
                {
                    var resolved = BodyFacts.ResolveThroughLocals(argument.Value);
                    if (resolved is not IObjectCreationOperation config || Properties(config).Keys.Any(k => k is "ConditionalExpression" or "ExpectedState"))
                    {
                        return null;
                    }
                }
            }

            return document is null ? null : FreshKeyIn(document, keyNamesOnly: true);
        }

        /// <summary><c>context.SaveAsync(order)</c>: a fresh value in a <c>[DynamoDBHashKey]</c> or <c>[DynamoDBRangeKey]</c> property.</summary>
        private Finding? ContextSave(IInvocationOperation invocation)
        {
            var value = invocation.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit)?.Value;
            if (value is null)
            {
                return null;
            }

            Finding? found = null;
            foreach (var (member, assigned) in Assignments(value))
            {
                if (member is IPropertySymbol property
                    && KeyKindOf(property) is { } keyKind
                    && _origins.FreshPart(assigned) is { Kind: OriginKind.Fresh or OriginKind.CallerArgument } fresh)
                {
                    found = Finding.Prefer(found, Finding.FreshKey("writes a second item", fresh, detail => $"the {keyKind} '{property.Name}' comes from {detail}"));
                    if (found is { Pending: null })
                    {
                        return found;
                    }
                }
            }

            return found;
        }

        /// <summary>"hash key" or "range key" for a property marked <c>[DynamoDBHashKey]</c> or <c>[DynamoDBRangeKey]</c> (the first such attribute), else null.</summary>
        private string? KeyKindOf(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (LambdaSymbols.Contains(_symbols.DynamoDBHashKeyAttribute, attribute.AttributeClass))
                {
                    return "hash key";
                }

                if (LambdaSymbols.Contains(_symbols.DynamoDBRangeKeyAttribute, attribute.AttributeClass))
                {
                    return "range key";
                }
            }

            return null;
        }

        private Finding? FreshKeyIn(IOperation item, bool keyNamesOnly)
        {
            Finding? found = null;
            foreach (var (attributeName, value) in Entries(item))
            {
                if (keyNamesOnly && (attributeName is null || !LooksLikeKeyName(attributeName)))
                {
                    continue;
                }

                if (_origins.FreshPart(value) is { Kind: OriginKind.Fresh or OriginKind.CallerArgument } fresh)
                {
                    found = Finding.Prefer(found, Finding.FreshKey(
                        "writes a second item",
                        fresh,
                        detail => attributeName is null ? "the key comes from " + detail : $"the key attribute '{attributeName}' comes from {detail}"));
                    if (found is { Pending: null })
                    {
                        return found;
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// The entries of an item or key: <c>{ ["pk"] = v }</c>, <c>{ { "pk", v } }</c>, a <c>new Document { ["pk"] = v }</c>,
        /// and, for a local, <c>item["pk"] = v</c> / <c>item.Add("pk", v)</c> in the same body.
        /// </summary>
        private IEnumerable<(string? Name, IOperation Value)> Entries(IOperation item)
        {
            var resolved = BodyFacts.ResolveThroughLocals(item);
            var initializer = resolved switch
            {
                IObjectCreationOperation creation => creation.Initializer,
                IObjectOrCollectionInitializerOperation direct => direct,
                _ => null,
            };

            if (initializer is not null)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (Entry(member) is { } entry)
                    {
                        yield return entry;
                    }
                }
            }

            var body = BodyFacts.Of(item);
            foreach (var local in LocalsBehind(item))
            {
                foreach (var reference in body.References(local))
                {
                    switch (reference.Parent)
                    {
                        case IPropertyReferenceOperation { Property.IsIndexer: true, Parent: ISimpleAssignmentOperation assignment } indexer
                            when indexer.Instance == reference && assignment.Target == indexer:
                            if (Entry(assignment) is { } indexed)
                            {
                                yield return indexed;
                            }

                            break;
                        case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add when add.Instance == reference:
                            yield return (ConstantText(add.Arguments[0].Value), add.Arguments[1].Value);
                            break;
                    }
                }
            }
        }

        private (string? Name, IOperation Value)? Entry(IOperation member) => member switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment =>
                (ConstantText(indexer.Arguments[0].Value), assignment.Value),
            IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add => (ConstantText(add.Arguments[0].Value), add.Arguments[1].Value),
            _ => null,
        };

        /// <summary>The locals an expression goes through (<c>item</c> in <c>Item = item</c>).</summary>
        private static IEnumerable<ILocalSymbol> LocalsBehind(IOperation operation)
        {
            for (var i = 0; i < 4 && operation.WalkDownConversion() is ILocalReferenceOperation reference; i++)
            {
                yield return reference.Local;
                if (BodyFacts.SingleValueOf(reference) is not { } next)
                {
                    yield break;
                }

                operation = next;
            }
        }

        /// <summary>The members an object gets: its initializer and, for a local, <c>order.Id = v</c> in the same body.</summary>
        private static IEnumerable<(ISymbol Member, IOperation Value)> Assignments(IOperation value)
        {
            if (BodyFacts.ResolveThroughLocals(value) is IObjectCreationOperation creation)
            {
                foreach (var write in ObjectMembers.InInitializer(creation))
                {
                    if (write is { Kind: not MemberWriteKind.Other, Member: { } member, Value: { } assigned })
                    {
                        yield return (member, assigned);
                    }
                }
            }

            foreach (var local in LocalsBehind(value))
            {
                foreach (var write in ObjectMembers.OnLocal(value.Root(), local))
                {
                    yield return (write.Member!, write.Value!);
                }
            }
        }

        /// <summary>The properties a request gets (initializer and assignments to its local), or null when the request is not built here.</summary>
        private static Dictionary<string, IOperation>? Request(IInvocationOperation invocation)
        {
            if (RequestArgument(invocation) is not { } value || BodyFacts.ResolveThroughLocals(value) is not IObjectCreationOperation)
            {
                return null;
            }

            var properties = new Dictionary<string, IOperation>(StringComparer.Ordinal);
            foreach (var (member, assigned) in Assignments(value))
            {
                properties[member.Name] = assigned;
            }

            return properties;
        }

        private static Dictionary<string, IOperation> Properties(IObjectCreationOperation creation)
        {
            var properties = new Dictionary<string, IOperation>(StringComparer.Ordinal);
            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    switch (member)
                    {
                        case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: { } target } } assignment:
                            properties[target.Name] = assignment.Value;
                            break;
                        case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation { Member: { } target }, Initializer: { } nested }:
                            properties[target.Name] = nested;
                            break;
                    }
                }
            }

            return properties;
        }

        /// <summary>The object creations in an expression, following locals (<c>TransactItems = items</c>, <c>Put = put</c>).</summary>
        private static IEnumerable<IObjectCreationOperation> Creations(IOperation root)
        {
            var pending = new Stack<IOperation>();
            var seen = new HashSet<IOperation>();
            pending.Push(root);
            while (pending.Count > 0 && seen.Count < 256)
            {
                var current = BodyFacts.ResolveThroughLocals(pending.Pop());
                if (!seen.Add(current))
                {
                    continue;
                }

                foreach (var operation in current.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IObjectCreationOperation creation:
                            yield return creation;
                            break;
                        case ILocalReferenceOperation local when operation != current:
                            pending.Push(local);
                            break;
                    }
                }
            }
        }

        private static bool IsConditional(Dictionary<string, IOperation> properties) =>
            (properties.TryGetValue("ConditionExpression", out var condition) && !IsNull(condition))
            || (properties.TryGetValue("Expected", out var expected) && !IsNull(expected));

        private static bool IsNull(IOperation operation) => operation.WalkDownConversion().ConstantValue is { HasValue: true, Value: null };

        private static IOperation? Argument(IInvocationOperation invocation, string parameterName) =>
            invocation.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == parameterName)?.Value;

        private string? ConstantText(IOperation operation) =>
            operation.WalkDownConversion().ConstantValue is { HasValue: true, Value: string text } ? text
            : _origins.Of(operation) is { Kind: OriginKind.Constant, Derived: false } origin ? origin.Detail
            : null;

    }

    /// <summary>What an update expression repeats on a replay: <c>ADD</c>, <c>SET a = a ± :v</c>, <c>list_append</c>.</summary>
    internal static (string Duplicate, string Reason)? Increment(string expression)
    {
        if (ListAppend.IsMatch(expression))
        {
            return ("appends twice", "the update expression appends with list_append");
        }

        if (AddClause.IsMatch(expression))
        {
            return ("counts twice", "the update expression's ADD clause adds to the stored value");
        }

        foreach (Match set in SetClause.Matches(expression))
        {
            foreach (var action in SplitTopLevel(set.Groups["body"].Value))
            {
                var equals = action.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var target = action.Substring(0, equals).Trim();
                var value = action.Substring(equals + 1);
                if ((value.IndexOf('+') >= 0 || value.IndexOf('-') >= 0)
                    && PathToken.Matches(value).Cast<Match>().Any(m => m.Value == target))
                {
                    return ("counts twice", "the update expression increments an attribute from its stored value (SET a = a + :v)");
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> SplitTopLevel(string actions)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < actions.Length; i++)
        {
            switch (actions[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return actions.Substring(start, i - start);
                    start = i + 1;
                    break;
            }
        }

        yield return actions.Substring(start);
    }
}
