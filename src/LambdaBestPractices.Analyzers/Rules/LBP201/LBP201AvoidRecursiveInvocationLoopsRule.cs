using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP201: a recursive invocation loop, on a handler's invocation path:
/// <list type="bullet">
/// <item>a Lambda invoke whose <c>FunctionName</c> is the function itself (<c>context.FunctionName</c>,
/// <c>context.InvokedFunctionArn</c>, <c>AWS_LAMBDA_FUNCTION_NAME</c>), in any invocation type;</item>
/// <item>a write back into the resource that triggers the handler: an S3 put, copy, multipart completion or upload into the
/// record's bucket; an SNS publish to the record's topic; an SQS send to the record's queue; a DynamoDB write to the table
/// of the stream record. The handler reaching the write must be triggered by that source.</item>
/// </list>
/// Where a name comes from is worked out by <see cref="ValueOrigins"/>, per type, at the type's symbol end. An S3 write-back
/// is not reported when the type returns early on the object key's prefix or suffix in a way the written key cannot pass
/// (<see cref="KeyGuards"/>).
/// </summary>
public sealed class LBP201AvoidRecursiveInvocationLoopsRule : PathRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP201_AvoidRecursiveInvocationLoops, Descriptors.LBP201_AvoidRecursiveInvocationLoops_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP201_AvoidRecursiveInvocationLoops;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP201_AvoidRecursiveInvocationLoops_CrossType;

    /// <summary>Only where the AWS SDK is referenced: every form is an SDK call.</summary>
    private protected override bool RuleAppliesTo(LambdaSymbols symbols) => !symbols.AmazonServiceClient.IsEmpty;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        var deployment = LambdaCompilation.For(symbols.Compilation).Deployment(context.Options, context.CancellationToken);
        return WholeTypeSites.Register(context, symbols, sites, MentionedWords, IsCandidate, (s, t, c, ct) => FindSites(s, t, c, deployment, ct));
    }

    /// <summary>
    /// Every call <see cref="SdkWrites.Classify"/> knows names one of these in the source; so does every type that hands
    /// the event's resource or the function's name to another type's method.
    /// </summary>
    private static readonly WordSet MentionedWords =
        WordSet.Of("Invoke", "PutObject", "CopyObject", "CompleteMultipartUpload", "Upload", "Publish", "SendMessage", "PutItem", "UpdateItem", "DeleteItem",
            "Bucket", "TopicArn", "EventSourceArn", "FunctionName", "InvokedFunctionArn", "AWS_LAMBDA_FUNCTION_NAME");

    private static bool IsCandidate(IInvocationOperation invocation) =>
        (ResourceSlots.IsSdkMember(invocation.TargetMethod) && SdkWrites.Classify(invocation.TargetMethod) is not null)
        || CrossTypeArguments.PassesToSource(invocation, MayCarryLoopValue);

    /// <summary>
    /// An explicit string argument that is not a constant: a constant (a literal, a <c>const</c>) names neither the record's
    /// resource nor the function, so it has no origin worth looking up.
    /// </summary>
    private static bool MayCarryLoopValue(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is not null
        && argument.Value.Type?.SpecialType == SpecialType.System_String && !argument.Value.ConstantValue.HasValue;

    private static List<RuleSite> FindSites(LambdaSymbols symbols, TypeBodySet type, IReadOnlyList<(ISymbol Owner, IInvocationOperation Call)> candidates, Model.Deployment.DeploymentModel deployment, System.Threading.CancellationToken cancellationToken)
    {
        var sites = new List<RuleSite>();
        var arguments = LambdaCompilation.For(symbols.Compilation).Arguments;
        ValueOrigins? origins = null;
        KeyGuards? guards = null;
        foreach (var (owner, invocation) in candidates)
        {
            origins ??= type.Origins(symbols, cancellationToken);
            if (!ResourceSlots.IsSdkMember(invocation.TargetMethod) || SdkWrites.Classify(invocation.TargetMethod) is not { } write)
            {
                RecordLoopArguments(arguments, origins, () => guards ??= new KeyGuards(symbols, origins, type), owner, invocation);
                continue;
            }

            if (SdkWrites.Target(invocation, write, origins) is not { } target)
            {
                continue;
            }

            var origin = origins.Of(target);
            if (!write.LoopsOn(origin))
            {
                // Named by an environment variable that the project's template sets to the function's own trigger (or itself).
                if (origin.Kind == OriginKind.EnvironmentVariable && !deployment.IsEmpty && TemplateLoops.Find(deployment, write, origin.Detail) is { } templateLoop
                    && !(write.Service == Service.S3 && SdkWrites.Key(invocation, origins) is { } guardedKey
                        && (guards ??= new KeyGuards(symbols, origins, type)).ExcludesWrittenKey(guardedKey, invocation)))
                {
                    sites.Add(new Site(invocation.ContainingFunction(owner), invocation.Syntax.GetLocation(), write, invocation.TargetMethod.Name, origin, arguments, templateLoop));
                    continue;
                }

                // A service method writing to the bucket (queue, topic, function) its callers pass: decided at compilation
                // end, from what the calls on a handler's path hand it (CreateCrossTypeDiagnostic).
                if (origin.Kind == OriginKind.Unknown && ValueOrigins.CallerParameter(target) is { Kind: OriginKind.CallerArgument } byCaller
                    && !(write.Service == Service.S3 && SdkWrites.Key(invocation, origins) is { } pendingKey
                        && (guards ??= new KeyGuards(symbols, origins, type)).ExcludesWrittenKey(pendingKey, invocation)))
                {
                    sites.Add(new Site(invocation.ContainingFunction(owner), invocation.Syntax.GetLocation(), write, invocation.TargetMethod.Name, byCaller, arguments));
                }

                continue;
            }

            if (write.Service == Service.S3)
            {
                guards ??= new KeyGuards(symbols, origins, type);
                if (SdkWrites.Key(invocation, origins) is { } key && guards.ExcludesWrittenKey(key, invocation))
                {
                    continue;
                }
            }

            sites.Add(new Site(invocation.ContainingFunction(owner), invocation.Syntax.GetLocation(), write, invocation.TargetMethod.Name, origin, arguments));
        }

        return sites;
    }

    /// <summary>
    /// What a call to a method of the project's own code hands on that may name the triggering resource or the function
    /// itself (an event record's bucket, queue or topic; the function's name), for the writes that other types make with
    /// it. An S3 bucket is not handed on from a type that has any key guard or <c>[S3Event]</c> filter: the key the
    /// service writes is decided there, and the guard may well stop it.
    /// </summary>
    private static void RecordLoopArguments(CrossTypeArguments arguments, ValueOrigins origins, Func<KeyGuards> guards, ISymbol owner, IInvocationOperation invocation)
    {
        List<(int Ordinal, ValueOrigin Origin)>? found = null;
        var bucket = false;
        foreach (var argument in invocation.Arguments)
        {
            if (!MayCarryLoopValue(argument) || argument.Parameter is not { } parameter)
            {
                continue;
            }

            var origin = origins.Of(argument.Value);
            bucket |= origin.IsRecordProperty(EventSources.S3, "Bucket.Name");
            if (origin.Kind is OriginKind.OwnFunction or OriginKind.EventRecord)
            {
                (found ??= new()).Add((parameter.Ordinal, origin));
            }
        }

        // The key the service writes is decided there, out of this type's sight: a type that guards its keys at all (or
        // whose handlers' [S3Event] filters do) may well be stopping the loop, so its bucket is not handed on.
        if (found is null || (bucket && !guards().IsEmpty))
        {
            return;
        }

        var caller = invocation.ContainingFunction(owner);
        foreach (var (ordinal, origin) in found)
        {
            arguments.Add(invocation.TargetMethod, ordinal, origin, caller);
        }
    }

    /// <summary>
    /// A write whose target a caller passes (<see cref="OriginKind.CallerArgument"/>): reported at compilation end when a call
    /// on a handler's path hands it the handler's own resource (or the function's name), with that value as the related
    /// location (the first such call in source order).
    /// </summary>
    private protected override Diagnostic? CreateCrossTypeDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, Reachability reach)
    {
        if (site is not Site { Origin: { Kind: OriginKind.CallerArgument, Parameter: { } parameter } } pending)
        {
            return base.CreateCrossTypeDiagnostic(descriptor, site, reach);
        }

        var passed = pending.Arguments.To(parameter)
            .Where(p => pending.Write.LoopsOn(p.Origin))
            .OrderBy(p => p.Origin.Syntax!.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(p => p.Origin.Syntax!.SpanStart);
        foreach (var value in passed)
        {
            if (pending.With(value.Origin).CreateDiagnostic(descriptor, reach.SourcesReaching(value.Caller)) is { } diagnostic)
            {
                return diagnostic;
            }
        }

        return null;
    }

    private sealed class Site : RuleSite
    {
        public Site(FunctionKey function, Location location, SdkWrite write, string methodName, ValueOrigin origin, CrossTypeArguments arguments, TemplateLoop? templateLoop = null)
            : base(function, location)
        {
            Write = write;
            MethodName = methodName;
            Origin = origin;
            Arguments = arguments;
            TemplateLoop = templateLoop;
        }

        /// <summary>The template setting that names the loop's resource, when the code reads it from an environment variable.</summary>
        public TemplateLoop? TemplateLoop { get; }

        public CrossTypeArguments Arguments { get; }

        /// <summary>The same write, its target now known: what a caller passes.</summary>
        public Site With(ValueOrigin origin) => new(Function, Location, Write, MethodName, origin, Arguments);

        public SdkWrite Write { get; }

        public string MethodName { get; }

        public ValueOrigin Origin { get; }

        /// <summary>A self-invocation loops from any handler; a write-back only from a handler of the written source.</summary>
        public override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources)
        {
            if (Origin.Kind == OriginKind.CallerArgument)
            {
                return null;
            }

            var loops = Write.Service == Service.Lambda ? reachingSources != EventSources.None : (reachingSources & Write.Source) != 0;
            if (!loops)
            {
                return null;
            }

            var named = TemplateLoop is { } template ? $"{Origin.Describe()}, {template.Describe()}" : Origin.Describe();
            var loop = Write.Service == Service.Lambda
                ? $"this function → {MethodName} of the same function ({named}) → this function"
                : $"{Write.ResourceDescription} → this function → {MethodName} into the same {Write.ResourceNoun} ({named})";
            var related = Origin.Syntax is { } syntax
                ? TemplateLoop is { } setting ? new[] { syntax.GetLocation(), setting.Location } : new[] { syntax.GetLocation() }
                : Array.Empty<Location>();
            return Diagnostic.Create(descriptor, Location, related, loop);
        }
    }

    internal enum Service
    {
        Lambda,
        S3,
        Sns,
        Sqs,
        DynamoDB,
    }

    /// <summary>One kind of write (or invoke) and how its target is named.</summary>
    internal sealed class SdkWrite
    {
        public SdkWrite(Service service, EventSources source, string resourceDescription, string resourceNoun, string[] targetProperties, string[] targetParameters, string recordPath)
        {
            Service = service;
            Source = source;
            ResourceDescription = resourceDescription;
            ResourceNoun = resourceNoun;
            TargetProperties = targetProperties;
            TargetParameters = targetParameters;
            RecordPath = recordPath;
        }

        public Service Service { get; }

        public EventSources Source { get; }

        public string ResourceDescription { get; }

        public string ResourceNoun { get; }

        public string[] TargetProperties { get; }

        public string[] TargetParameters { get; }

        public string RecordPath { get; }

        public bool LoopsOn(ValueOrigin origin) => Service == Service.Lambda
            ? origin.Kind == OriginKind.OwnFunction
            : origin.IsRecordProperty(Source, RecordPath);
    }

    /// <summary>The writes LBP201 knows, by service assembly and method name (so SDK versions and overloads alike match).</summary>
    internal static class SdkWrites
    {
        private static readonly SdkWrite LambdaInvoke = new(Service.Lambda, EventSources.None, "Lambda", "function", new[] { "FunctionName" }, new[] { "functionName" }, string.Empty);
        private static readonly SdkWrite S3Put = new(Service.S3, EventSources.S3, "S3 bucket", "bucket", new[] { "BucketName" }, new[] { "bucketName" }, "Bucket.Name");
        private static readonly SdkWrite S3Copy = new(Service.S3, EventSources.S3, "S3 bucket", "bucket", new[] { "DestinationBucket" }, new[] { "destinationBucket", "destinationBucketName" }, "Bucket.Name");
        private static readonly SdkWrite SnsPublish = new(Service.Sns, EventSources.Sns, "SNS topic", "topic", new[] { "TopicArn" }, new[] { "topicArn" }, "Sns.TopicArn");
        private static readonly SdkWrite SqsSend = new(Service.Sqs, EventSources.Sqs, "SQS queue", "queue", new[] { "QueueUrl" }, new[] { "queueUrl" }, "EventSourceArn");
        private static readonly SdkWrite DynamoDBWrite = new(Service.DynamoDB, EventSources.DynamoDBStream, "DynamoDB table stream", "table", new[] { "TableName" }, new[] { "tableName" }, "EventSourceArn");

        public static SdkWrite? Classify(IMethodSymbol method)
        {
            var assembly = method.ContainingAssembly?.Name;
            var name = method.Name;
            return assembly switch
            {
                "AWSSDK.Lambda" when name is "Invoke" or "InvokeAsync" or "InvokeWithResponseStream" or "InvokeWithResponseStreamAsync" or "InvokeAsyncAsync" => LambdaInvoke,
                "AWSSDK.S3" when name.StartsWith("CopyObject", StringComparison.Ordinal) => S3Copy,
                // Writes that create an object (ObjectCreated events): not PutObjectAcl/Tagging/..., not UploadPart (the
                // object appears at CompleteMultipartUpload).
                "AWSSDK.S3" when name is "PutObject" or "PutObjectAsync" || name.StartsWith("CompleteMultipartUpload", StringComparison.Ordinal)
                    || (name.StartsWith("Upload", StringComparison.Ordinal) && !name.StartsWith("UploadPart", StringComparison.Ordinal)) => S3Put,
                "AWSSDK.SimpleNotificationService" when name.StartsWith("Publish", StringComparison.Ordinal) => SnsPublish,
                "AWSSDK.SQS" when name.StartsWith("SendMessage", StringComparison.Ordinal) => SqsSend,
                "AWSSDK.DynamoDBv2" when name.StartsWith("PutItem", StringComparison.Ordinal) || name.StartsWith("UpdateItem", StringComparison.Ordinal)
                    || name.StartsWith("DeleteItem", StringComparison.Ordinal) => DynamoDBWrite,
                _ => null,
            };
        }

        /// <summary>The expression naming the target: a slot parameter, or the slot property of the request passed.</summary>
        public static IOperation? Target(IInvocationOperation invocation, SdkWrite write, ValueOrigins origins) =>
            Slot(invocation, write.TargetParameters, write.TargetProperties, origins);

        /// <summary>The object key an S3 write writes (<c>Key</c>, <c>DestinationKey</c>, a <c>key</c> parameter).</summary>
        public static IOperation? Key(IInvocationOperation invocation, ValueOrigins origins) =>
            Slot(invocation, KeyParameters, KeyProperties, origins);

        private static readonly string[] KeyParameters = { "key", "destinationKey" };
        private static readonly string[] KeyProperties = { "Key", "DestinationKey" };

        private static IOperation? Slot(IInvocationOperation invocation, string[] parameters, string[] properties, ValueOrigins origins)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && Array.IndexOf(parameters, parameter.Name) >= 0 && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                {
                    continue;
                }

                if (RequestProperty(argument.Value, properties, origins) is { } value)
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>
        /// The value of a property of a request created inline or in a local written once, set in its initializer or by
        /// one assignment to the local's property in the same body.
        /// </summary>
        private static IOperation? RequestProperty(IOperation request, string[] properties, ValueOrigins origins)
        {
            IOperation? found = null;
            if (BodyFacts.ResolveThroughLocals(request) is IObjectCreationOperation creation)
            {
                foreach (var write in ObjectMembers.InInitializer(creation))
                {
                    if (write.AssignsPropertyIn(properties))
                    {
                        found = write.Value;
                    }
                }
            }

            // `var request = new PutObjectRequest(); request.BucketName = bucket;`
            if (request.WalkDownConversion() is ILocalReferenceOperation local)
            {
                foreach (var write in ObjectMembers.OnLocal(request.Root(), local.Local))
                {
                    if (write.AssignsPropertyIn(properties))
                    {
                        if (found is not null)
                        {
                            return null;
                        }

                        found = write.Value;
                    }
                }
            }

            return found;
        }
    }

    /// <summary>
    /// The S3 prefix/suffix guard: the type leaves the record early (<c>return</c>, <c>throw</c>, <c>continue</c>, or a
    /// <c>break</c> out of the record loop) on a condition <c>key.StartsWith("P")</c> / <c>key.EndsWith("S")</c> /
    /// <c>Path.GetExtension(key) == ".S"</c>, or its negation (<c>!</c>, <c>!=</c>), where <c>key</c> comes from the record's
    /// object key. A written key whose constant start (or end) makes that guard stop the next invocation does not loop:
    /// <list type="bullet">
    /// <item><c>if (key.StartsWith("thumbnails/")) return;</c> and a written key that starts with <c>thumbnails/</c>;</item>
    /// <item><c>if (!key.StartsWith("uploads/")) return;</c> and a written key whose constant start differs from
    /// <c>uploads/</c> (as <c>thumbnails/...</c> does);</item>
    /// <item>the same with <c>EndsWith</c> or the extension and the written key's constant end (a literal's, an
    /// interpolation's or concatenation's last text, the extension given to <c>Path.ChangeExtension</c>).</item>
    /// </list>
    /// </summary>
    internal sealed class KeyGuards
    {
        private readonly List<(bool Prefix, bool Negated, string Text, IOperation Body, int Position)> _guards = new();
        private List<(string? Prefix, string? Suffix)>? _triggerFilters;
        private readonly ValueOrigins _origins;
        private readonly LambdaSymbols _symbols;

        public KeyGuards(LambdaSymbols symbols, ValueOrigins origins, TypeBodySet type)
        {
            _symbols = symbols;
            _origins = origins;
            foreach (var block in type.Bodies)
            {
                var facts = BodyFacts.Of(block);
                foreach (var operation in facts.OfKind(OperationKind.Conditional))
                {
                    if (operation is IConditionalOperation { WhenFalse: null } conditional && ExitsEarly(conditional.WhenTrue)
                        && AsGuard(conditional.Condition) is { } guard)
                    {
                        _guards.Add((guard.Prefix, guard.Negated, guard.Text, conditional.Root(), conditional.Syntax.SpanStart));
                    }
                }

                // A validator of another type called with the key (`_keys.EnsureUpload(key)`) throws on its own test; this
                // type's own helpers are among the bodies above.
                foreach (var operation in facts.OfKind(OperationKind.Invocation))
                {
                    if (operation is IInvocationOperation { TargetMethod: var method } call
                        && !SymbolEqualityComparer.Default.Equals(method.ContainingType, type.Type)
                        && !IsCaughtInFunction(call)
                        && RunsUnconditionally(call)
                        && RecordKeyParameter(call) is { } ordinal)
                    {
                        foreach (var guard in HelperGuards.Throwing(method, ordinal))
                        {
                            _guards.Add((guard.Prefix, guard.Negated, guard.Text, call.Root(), call.Syntax.SpanStart));
                        }
                    }
                }
            }

            _triggerFilters = TriggerFilters(symbols, type.Type);
        }

        /// <summary>
        /// The key filters of the type's <c>[S3Event("bucket", FilterPrefix = "uploads/", FilterSuffix = ".jpg")]</c> handlers:
        /// S3 only invokes them for keys the filters match. Null when there are none, or when a method of the type takes an
        /// <c>S3Event</c> without the attribute (its trigger, set elsewhere, may have no filter).
        /// </summary>
        private static List<(string? Prefix, string? Suffix)>? TriggerFilters(LambdaSymbols symbols, INamedTypeSymbol type)
        {
            List<(string? Prefix, string? Suffix)>? filters = null;
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol method)
                {
                    continue;
                }

                var attributed = false;
                foreach (var attribute in method.GetAttributes())
                {
                    if (symbols.EventSourceOfAttribute(attribute.AttributeClass) == EventSources.S3)
                    {
                        attributed = true;
                        (filters ??= new()).Add((NamedString(attribute, "FilterPrefix"), NamedString(attribute, "FilterSuffix")));
                    }
                }

                if (!attributed && method.Parameters.Any(p => symbols.EventSourceOfType(p.Type) == EventSources.S3))
                {
                    return null;
                }
            }

            return filters;
        }

        private static string? NamedString(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is string { Length: > 0 } text)
                {
                    return text;
                }
            }

            return null;
        }

        /// <summary>The ordinal of the parameter <paramref name="call"/> passes the record's object key to, when the method's body is in source.</summary>
        private int? RecordKeyParameter(IInvocationOperation call)
        {
            if (call.TargetMethod.IsAbstract || call.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter && IsRecordKey(argument.Value))
                {
                    return parameter.Ordinal;
                }
            }

            return null;
        }

        /// <summary>True when the type has no key guard and no <c>[S3Event]</c> filter.</summary>
        public bool IsEmpty => _guards.Count == 0 && _triggerFilters is null;

        /// <summary>
        /// Whether a guard stops the invocation the written key triggers. A guard in the writing body counts only when it
        /// comes before the write; one in another member (the handler, before it calls the writing helper) always counts.
        /// </summary>
        public bool ExcludesWrittenKey(IOperation key, IOperation write)
        {
            if (_guards.Count == 0 && _triggerFilters is null)
            {
                return false;
            }

            var writeBody = write.Root();

            var (start, end) = ConstantEnds(key, 0);
            if (_triggerFilters is { } filters && filters.TrueForAll(f => !MayCarry(true, start, f.Prefix) || !MayCarry(false, end, f.Suffix)))
            {
                return true;
            }

            foreach (var (prefix, negated, text, body, position) in _guards)
            {
                if (body == writeBody && position > write.Syntax.SpanStart)
                {
                    continue;
                }

                var written = prefix ? start : end;
                if (negated ? !MayCarry(prefix, written, text) : Carries(prefix, written, text))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a key whose constant start (or end) is <paramref name="written"/> surely starts (ends) with <paramref name="text"/>.</summary>
        private static bool Carries(bool prefix, string written, string text) =>
            prefix ? written.StartsWith(text, StringComparison.Ordinal) : written.EndsWith(text, StringComparison.Ordinal);

        /// <summary>Whether such a key may start (end) with <paramref name="text"/>: it does, or its known part is too short to say; null text always matches.</summary>
        private static bool MayCarry(bool prefix, string written, string? text) =>
            text is null || Carries(prefix, written, text) || (prefix ? text.StartsWith(written, StringComparison.Ordinal) : text.EndsWith(written, StringComparison.Ordinal));

        private static bool ExitsEarly(IOperation operation) => operation switch
        {
            IReturnOperation => true,
            IThrowOperation => !IsCaughtInFunction(operation),
            IExpressionStatementOperation { Operation: IThrowOperation } => !IsCaughtInFunction(operation),
            IBranchOperation { BranchKind: BranchKind.Continue } => true,
            IBranchOperation { BranchKind: BranchKind.Break } branch => BreaksOutOfLoop(branch),
            IBlockOperation { Operations.Length: > 0 } block => ExitsEarly(block.Operations[block.Operations.Length - 1]),
            _ => false,
        };

        /// <summary>
        /// A <c>break</c> that leaves the function's outermost loop (the records' loop), not only a <c>switch</c> or an inner
        /// loop inside it (a retry loop: the code after it still runs).
        /// </summary>
        private static bool BreaksOutOfLoop(IBranchOperation branch)
        {
            for (var parent = branch.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ILoopOperation loop:
                        return !HasEnclosingLoop(loop);
                    case ISwitchOperation or ISwitchExpressionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private static bool HasEnclosingLoop(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ILoopOperation:
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a validator call runs whenever its function runs past it: not under an <c>if</c>, a <c>switch</c>, a
        /// <c>?.</c>, a <c>??</c>, the right side of <c>&amp;&amp;</c>/<c>||</c> or a lambda (loops are fine: the records' loop).
        /// </summary>
        private static bool RunsUnconditionally(IOperation call)
        {
            for (var parent = call.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation or IConditionalAccessOperation or ICoalesceOperation
                        or IAnonymousFunctionOperation or ILocalFunctionOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                        return false;
                }
            }

            return true;
        }

        /// <summary>A <c>throw</c> inside a <c>try</c> with a <c>catch</c> in the same function: it may not leave the record.</summary>
        private static bool IsCaughtInFunction(IOperation thrown)
        {
            var child = thrown;
            for (var parent = thrown.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case ITryOperation { Catches.Length: > 0 } tryOperation when tryOperation.Body == child:
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private (bool Prefix, bool Negated, string Text)? AsGuard(IOperation condition)
        {
            var negated = false;
            condition = condition.WalkDownConversion();
            if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = true;
                condition = not.Operand.WalkDownConversion();
            }

            // A predicate of the project's own code over the key: `if (IsThumbnail(key)) continue;`.
            if (condition is IInvocationOperation { TargetMethod.ReturnType.SpecialType: SpecialType.System_Boolean } predicate
                && predicate.TargetMethod.ContainingType.SpecialType != SpecialType.System_String
                && RecordKeyParameter(predicate) is { } ordinal
                && HelperGuards.Predicate(predicate.TargetMethod, ordinal) is { } helper)
            {
                return (helper.Prefix, negated != helper.Negated, helper.Text);
            }

            if (condition is IInvocationOperation { TargetMethod: { Name: "StartsWith" or "EndsWith", ContainingType.SpecialType: SpecialType.System_String } method, Instance: { } instance } invocation
                && invocation.Arguments.Length > 0
                && invocation.Arguments[0].Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: string text }
                && text.Length > 0
                && IsRecordKey(instance))
            {
                return (method.Name == "StartsWith", negated, text);
            }

            // `Path.GetExtension(key) == ".txt"` is a suffix test of `.txt` (`!=` its negation).
            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                && (ExtensionTest(comparison.LeftOperand, comparison.RightOperand) ?? ExtensionTest(comparison.RightOperand, comparison.LeftOperand)) is { } extension)
            {
                return (false, negated != (comparison.OperatorKind == BinaryOperatorKind.NotEquals), extension);
            }

            return null;
        }

        /// <summary>The extension <paramref name="constant"/> names when <paramref name="call"/> is <c>Path.GetExtension(key)</c>.</summary>
        private string? ExtensionTest(IOperation call, IOperation constant) =>
            call.WalkDownConversion() is IInvocationOperation { TargetMethod: { Name: "GetExtension" } getExtensionMethod } getExtension
            && LambdaSymbols.Contains(_symbols.Path, getExtensionMethod.ContainingType)
            && getExtension.Arguments.Length == 1
            && constant.WalkDownConversion().ConstantValue is { HasValue: true, Value: string extension }
            && extension.Length > 1 && extension[0] == '.' && extension.IndexOfAny(ExtensionBreakers, 1) < 0
            && IsRecordKey(getExtension.Arguments[0].Value)
                ? extension
                : null;

        // What cannot follow the dot of an extension `Path.GetExtension` returns (`.tar.gz` never equals it).
        internal static readonly char[] ExtensionBreakers = { '.', '/', '\\' };

        /// <summary>
        /// The record's object key, or a parameter its callers decide (a service's <c>key</c>: the guard then tests what the
        /// handler passes, as the write does).
        /// </summary>
        private bool IsRecordKey(IOperation value) =>
            _origins.Of(value).IsRecordProperty(EventSources.S3, "Object.Key") || ValueOrigins.CallerParameter(value).Kind == OriginKind.CallerArgument;

        /// <summary>The constant start and end of a key: a literal, an interpolation's first and last text, a concatenation's ends.</summary>
        private (string Start, string End) ConstantEnds(IOperation operation, int depth)
        {
            operation = operation.WalkDownConversion();
            if (depth > 8)
            {
                return (string.Empty, string.Empty);
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                return (constant, constant);
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                    return (
                        interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string first } ? first : string.Empty,
                        interpolated.Parts[interpolated.Parts.Length - 1] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string last } ? last : string.Empty);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return (ConstantEnds(binary.LeftOperand, depth + 1).Start, ConstantEnds(binary.RightOperand, depth + 1).End);
                case ILocalReferenceOperation local when BodyFacts.SingleValueOf(local) is { } written:
                    return ConstantEnds(written, depth + 1);

                // `Path.ChangeExtension(key, ".txt")` ends with `.txt` (the dot is added when missing).
                case IInvocationOperation { TargetMethod: { Name: "ChangeExtension" } changeMethod, Arguments.Length: 2 } change
                    when LambdaSymbols.Contains(_symbols.Path, changeMethod.ContainingType)
                        && change.Arguments[1].Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: string extension }
                        && extension.Length > 0:
                    // The start keeps only its folders: `ChangeExtension("out/a.png", ".jpg")` starts with `out/`, not `out/a.png`.
                    var start = ConstantEnds(change.Arguments[0].Value, depth + 1).Start;
                    return (start.Substring(0, start.LastIndexOf('/') + 1), extension[0] == '.' ? extension : "." + extension);
                default:
                    return (string.Empty, string.Empty);
            }
        }
    }

    /// <summary>
    /// The key tests a method of the project's own code applies to its string parameter, read from its declaration (a body
    /// in another type or file has no operation tree here): a predicate <c>bool IsThumbnail(string key) =&gt;
    /// key.StartsWith("thumbnails/");</c> (a single returned test) and a validator whose leading statements throw on such a
    /// test (<c>if (!key.EndsWith(".jpg")) throw new ArgumentException(...);</c>, before any <c>return</c>). The texts are
    /// literals or <c>const</c>s of the method's type; anything else is no guard.
    /// </summary>
    internal static class HelperGuards
    {
        public static (bool Prefix, bool Negated, string Text)? Predicate(IMethodSymbol method, int ordinal)
        {
            if (Declaration(method, ordinal, out var body, out var expression) is not { } parameter)
            {
                return null;
            }

            if (expression is null && body is { Statements.Count: 1 } && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned })
            {
                expression = returned;
            }

            return expression is null ? null : Test(expression, parameter, method.ContainingType);
        }

        public static IEnumerable<(bool Prefix, bool Negated, string Text)> Throwing(IMethodSymbol method, int ordinal)
        {
            if (Declaration(method, ordinal, out var body, out _) is not { } parameter || body is null)
            {
                yield break;
            }

            foreach (var statement in body.Statements)
            {
                if (statement is IfStatementSyntax { Else: null } ifStatement && Throws(ifStatement.Statement))
                {
                    if (Test(ifStatement.Condition, parameter, method.ContainingType) is { } guard)
                    {
                        yield return guard;
                    }

                    continue;
                }

                if (statement.DescendantNodes().OfType<ReturnStatementSyntax>().Any())
                {
                    yield break;
                }
            }
        }

        private static bool Throws(StatementSyntax statement) => statement switch
        {
            ThrowStatementSyntax => true,
            ExpressionStatementSyntax { Expression: ThrowExpressionSyntax } => true,
            BlockSyntax { Statements.Count: > 0 } block => Throws(block.Statements[block.Statements.Count - 1]),
            _ => false,
        };

        /// <summary>The name of parameter <paramref name="ordinal"/>, and the method's block or expression body, from its one declaration with a body.</summary>
        private static string? Declaration(IMethodSymbol method, int ordinal, out BlockSyntax? body, out ExpressionSyntax? expression)
        {
            body = null;
            expression = null;
            method = method.OriginalDefinition;
            if (method.IsAbstract || method.IsExtern || ordinal >= method.Parameters.Length)
            {
                return null;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case MethodDeclarationSyntax declaration when declaration.Body is not null || declaration.ExpressionBody is not null:
                        (body, expression) = (declaration.Body, declaration.ExpressionBody?.Expression);
                        return method.Parameters[ordinal].Name;
                    case LocalFunctionStatementSyntax local when local.Body is not null || local.ExpressionBody is not null:
                        (body, expression) = (local.Body, local.ExpressionBody?.Expression);
                        return method.Parameters[ordinal].Name;
                }
            }

            return null;
        }

        /// <summary><c>p.StartsWith(T)</c>, <c>p.EndsWith(T)</c>, <c>Path.GetExtension(p) == T</c> (or <c>!=</c>), under any <c>!</c>s and parentheses.</summary>
        private static (bool Prefix, bool Negated, string Text)? Test(ExpressionSyntax expression, string parameter, INamedTypeSymbol type)
        {
            var negated = false;
            expression = Unparenthesized(expression);
            while (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not)
            {
                negated = !negated;
                expression = Unparenthesized(not.Operand);
            }

            switch (expression)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StartsWith" or "EndsWith" } access } call
                    when call.ArgumentList.Arguments.Count > 0 && IsParameter(access.Expression, parameter)
                        && Text(call.ArgumentList.Arguments[0].Expression, type) is { Length: > 0 } text:
                    return (access.Name.Identifier.ValueText == "StartsWith", negated, text);

                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison
                    when (Extension(comparison.Left, comparison.Right, parameter, type) ?? Extension(comparison.Right, comparison.Left, parameter, type)) is { } extension:
                    return (false, negated != comparison.IsKind(SyntaxKind.NotEqualsExpression), extension);

                default:
                    return null;
            }
        }

        private static string? Extension(ExpressionSyntax call, ExpressionSyntax constant, string parameter, INamedTypeSymbol type) =>
            Unparenthesized(call) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetExtension" } access } getExtension
            && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Path" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Path" }
            && getExtension.ArgumentList.Arguments.Count == 1 && IsParameter(getExtension.ArgumentList.Arguments[0].Expression, parameter)
            && Text(constant, type) is { Length: > 1 } extension && extension[0] == '.' && extension.IndexOfAny(KeyGuards.ExtensionBreakers, 1) < 0
                ? extension
                : null;

        private static bool IsParameter(ExpressionSyntax expression, string parameter) =>
            Unparenthesized(expression) is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == parameter;

        /// <summary>A string literal, or a <c>const</c> of <paramref name="type"/> named by a simple name.</summary>
        private static string? Text(ExpressionSyntax expression, INamedTypeSymbol type)
        {
            switch (Unparenthesized(expression))
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;
                case IdentifierNameSyntax name:
                    foreach (var member in type.GetMembers(name.Identifier.ValueText))
                    {
                        if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: string text })
                        {
                            return text;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }
    }
}
