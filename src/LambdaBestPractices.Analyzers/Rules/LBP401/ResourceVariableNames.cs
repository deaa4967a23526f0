using System;
using System.Collections.Generic;
using System.Text;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// The environment variable the LBP401 fix reads a resource name from: words of the resource's own name, then the slot's
/// suffix, as in <c>ORDERS_BUCKET_NAME</c>, <c>INVOICES_TABLE_NAME</c>, <c>ORDERS_QUEUE_URL</c>, <c>ALERTS_TOPIC_ARN</c>.
/// <list type="bullet">
/// <item>the resource's name is the last segment of an ARN's resource part, of a queue URL or of a parameter path;</item>
/// <item>words that name a stage (<c>prod</c>, <c>dev</c>, <c>staging</c>, ...) are dropped: the variable's value is what
/// differs between stages;</item>
/// <item>a word the suffix starts with is not repeated (<c>orders-bucket</c> gives <c>ORDERS_BUCKET_NAME</c>);</item>
/// <item>the result is a valid variable name (<c>[A-Z_][A-Z0-9_]*</c>) of at most four words before the suffix.</item>
/// </list>
/// </summary>
internal static class ResourceVariableNames
{
    private const int MaxNameWords = 4;
    private static readonly char[] Underscore = { '_' };

    private static readonly HashSet<string> StageWords = new(StringComparer.Ordinal)
    {
        "PROD", "PRODUCTION", "PRD", "DEV", "DEVELOPMENT", "STAGING", "STAGE", "STG", "TEST", "QA", "UAT", "SANDBOX",
    };

    public static string Suggest(ResourceKind kind, string value)
    {
        var suffix = Suffix(kind, value);
        var words = Words(ResourcePart(kind, value));
        words.RemoveAll(StageWords.Contains);
        while (words.Count > 0 && char.IsDigit(words[0][0]))
        {
            words.RemoveAt(0);
        }

        if (words.Count > MaxNameWords)
        {
            words.RemoveRange(0, words.Count - MaxNameWords);
        }

        // `orders-bucket` + BUCKET_NAME: ORDERS_BUCKET_NAME, not ORDERS_BUCKET_BUCKET_NAME.
        var suffixWords = suffix.Split('_');
        for (var overlap = Math.Min(words.Count, suffixWords.Length); overlap > 0; overlap--)
        {
            if (EndsWith(words, suffixWords, overlap))
            {
                words.RemoveRange(words.Count - overlap, overlap);
                break;
            }
        }

        words.AddRange(suffixWords);
        return string.Join("_", words);
    }

    /// <summary><c>ORDERS_BUCKET_NAME</c> → <c>OrdersBucketName</c>.</summary>
    public static string FieldName(string variableName)
    {
        var builder = new StringBuilder(variableName.Length);
        foreach (var word in variableName.Split(Underscore, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(word[0]).Append(word.Substring(1).ToLowerInvariant());
        }

        return builder.Length == 0 || char.IsDigit(builder[0]) ? "Resource" + builder : builder.ToString();
    }

    private static bool EndsWith(List<string> words, string[] suffixWords, int overlap)
    {
        for (var i = 0; i < overlap; i++)
        {
            if (words[words.Count - overlap + i] != suffixWords[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Suffix(ResourceKind kind, string value) => kind switch
    {
        ResourceKind.BucketName => "BUCKET_NAME",
        ResourceKind.TableName => "TABLE_NAME",
        ResourceKind.QueueUrl => "QUEUE_URL",
        ResourceKind.QueueName => "QUEUE_NAME",
        ResourceKind.TopicArn => "TOPIC_ARN",
        ResourceKind.FunctionName => "FUNCTION_NAME",
        ResourceKind.StateMachineArn => "STATE_MACHINE_ARN",
        ResourceKind.EventBusName => "EVENT_BUS_NAME",
        ResourceKind.StreamName => "STREAM_NAME",
        ResourceKind.LogGroupName => "LOG_GROUP_NAME",
        ResourceKind.SecretId => "SECRET_ID",
        ResourceKind.ParameterName => "PARAMETER_NAME",
        _ => ArnSuffix(value),
    };

    /// <summary>The suffix of an ARN found by its shape alone, from its service.</summary>
    private static string ArnSuffix(string arn)
    {
        var parts = arn.Split(':');
        var service = parts.Length > 2 ? parts[2] : string.Empty;
        var resource = parts.Length > 5 ? parts[5] : string.Empty;
        return service switch
        {
            "sns" => "TOPIC_ARN",
            "sqs" => "QUEUE_ARN",
            "lambda" => "FUNCTION_ARN",
            "states" => "STATE_MACHINE_ARN",
            "s3" => "BUCKET_ARN",
            "dynamodb" => "TABLE_ARN",
            "secretsmanager" => "SECRET_ARN",
            "ssm" => "PARAMETER_ARN",
            "kms" => "KEY_ARN",
            "events" => "EVENT_BUS_ARN",
            "kinesis" or "firehose" => "STREAM_ARN",
            "iam" when resource.StartsWith("role/", StringComparison.Ordinal) => "ROLE_ARN",
            _ => "ARN",
        };
    }

    /// <summary>The part of the value that names the resource itself.</summary>
    private static string ResourcePart(ResourceKind kind, string value)
    {
        if (ResourceSlots.LooksLikeArn(value))
        {
            // arn:partition:service:region:account:resource, where resource is `type/name`, `type:name` or `name`
            // (a Lambda ARN may end in a version or alias: `function:orders:live`).
            var parts = value.Split(':');
            if (parts.Length >= 7 && parts[2] == "lambda" && parts[5] == "function")
            {
                return parts[6];
            }

            return LastSegment(parts[parts.Length - 1]);
        }

        if (ResourceSlots.LooksLikeQueueUrl(value))
        {
            return LastSegment(value);
        }

        // Parameter paths (/prod/orders/api-url), secret names (prod/db-credentials), log groups (/aws/lambda/orders): the last segment.
        return kind is ResourceKind.ParameterName or ResourceKind.SecretId or ResourceKind.LogGroupName ? LastSegment(value) : value;
    }

    private static string LastSegment(string value)
    {
        var trimmed = value.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash >= 0 ? trimmed.Substring(slash + 1) : trimmed;
    }

    /// <summary>Upper-case words: split at anything but letters and digits, and at lower-to-upper case changes.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var isWordChar = c < 128 && char.IsLetterOrDigit(c);
            var startsHump = isWordChar && char.IsUpper(c) && current.Length > 0 && i > 0
                && (char.IsLower(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1]) && char.IsUpper(text[i - 1])));
            if (!isWordChar || startsHump)
            {
                Flush(words, current);
            }

            if (isWordChar)
            {
                current.Append(char.ToUpperInvariant(c));
            }
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
