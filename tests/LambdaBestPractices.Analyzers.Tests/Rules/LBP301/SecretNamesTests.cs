using System.Linq;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>The LBP301 name heuristic on its own: tokenizer, secret tokens, excluded suffixes and names, configuration.</summary>
public class SecretNamesTests
{
    // ---- tokenizer ----

    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("dbPassword")]
    [InlineData("DbPassword")]
    [InlineData("Db.Password")]
    [InlineData("db-password")]
    [InlineData("db password")]
    [InlineData("db__password")]
    [InlineData("DB:Password")]
    [InlineData("/db/password")]
    public void Tokenize_SeparatorsAndCamelCase_GiveTheSameTokens(string name) =>
        Assert.Equal(new[] { "DB", "PASSWORD" }, SecretNames.Tokenize(name));

    [Theory]
    [InlineData("APIKey", new[] { "API", "KEY" })]
    [InlineData("apiKey", new[] { "API", "KEY" })]
    [InlineData("APIKEY", new[] { "APIKEY" })]
    [InlineData("XMLHttpRequest", new[] { "XML", "HTTP", "REQUEST" })]
    [InlineData("Password2", new[] { "PASSWORD", "2" })]
    [InlineData("OAuth2Token", new[] { "O", "AUTH", "2", "TOKEN" })]
    [InlineData("S3_BUCKET", new[] { "S", "3", "BUCKET" })]
    [InlineData("ConnectionStrings__Default", new[] { "CONNECTION", "STRINGS", "DEFAULT" })]
    [InlineData("_", new string[0])]
    [InlineData("", new string[0])]
    public void Tokenize_SplitsHumpsAndDigits(string name, string[] expected) =>
        Assert.Equal(expected, SecretNames.Tokenize(name));

    [Fact]
    public void Tokenize_Null_GivesNoTokens() => Assert.Empty(SecretNames.Tokenize(null));

    [Theory]
    [InlineData("dbPassword", "DB_PASSWORD")]
    [InlineData("Db.Password", "DB_PASSWORD")]
    [InlineData("AWS_SESSION_TOKEN", "AWS_SESSION_TOKEN")]
    public void Canonical_JoinsTokensWithUnderscores(string name, string expected) =>
        Assert.Equal(expected, SecretNames.Canonical(name));

    // ---- secret tokens ----

    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("dbPassword")]
    [InlineData("Db.Password")]
    [InlineData("db-password")]
    [InlineData("PASSWORD")]
    [InlineData("SMTP_PASSWD")]
    [InlineData("DB_PWD")]
    [InlineData("JWT_SECRET")]
    [InlineData("clientSecret")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("authToken")]
    [InlineData("API_KEY")]
    [InlineData("APIKEY")]
    [InlineData("ApiKey")]
    [InlineData("STRIPE_API_KEY")]
    [InlineData("PRIVATE_KEY")]
    [InlineData("privateKey")]
    [InlineData("SECRET_ACCESS_KEY")]
    [InlineData("PARTNER_SECRET_ACCESS_KEY")]
    [InlineData("CONNECTION_STRING")]
    [InlineData("ConnectionString")]
    [InlineData("ConnectionStrings__Default")]
    [InlineData("DB_CONNSTR")]
    [InlineData("CREDENTIALS")]
    [InlineData("SERVICE_CREDENTIALS")]
    [InlineData("Password2")]
    [InlineData("TOKEN_LIFETIME")]
    public void SecretLookingNames_AreSecrets(string name) => Assert.True(SecretNames.Default.IsSecret(name), name);

    /// <summary>Connection-string shaped names: the string carries the database password.</summary>
    [Theory]
    [InlineData("DB_CONNECTION")]
    [InlineData("dbConnection")]
    [InlineData("DATABASE_CONNECTION")]
    [InlineData("SQL_CONNECTION")]
    [InlineData("REDIS_CONN")]
    [InlineData("mongoConn")]
    [InlineData("DB_CONN_STR")]
    [InlineData("PG_DSN")]
    [InlineData("DSN")]
    [InlineData("DBCONNECTIONSTRING")]
    [InlineData("MYAPPCONNECTIONSTRING")]
    [InlineData("ORDERSDBCONNECTIONSTRINGS")]
    [InlineData("DATABASE_URL")]
    [InlineData("databaseUrl")]
    [InlineData("DB_URL")]
    [InlineData("REPORTING_DATABASE_URL")]
    public void ConnectionStringNames_AreSecrets(string name) => Assert.True(SecretNames.Default.IsSecret(name), name);

    /// <summary>
    /// Their look-alikes: settings and pointers about a connection, counts, and words that merely contain an entry (only
    /// entries of ten or more letters match inside a word, at its end).
    /// </summary>
    [Theory]
    [InlineData("DB_CONNECTION_TIMEOUT")]
    [InlineData("DB_CONNECTION_SECRET_ARN")]
    [InlineData("DATABASE_URL_PARAMETER")]
    [InlineData("DB_PASSWORD_SECRET_ARN")]
    [InlineData("CONNECTION_POOL_SIZE")]
    [InlineData("MAX_CONNECTIONS")]
    [InlineData("RECONNECT_DELAY")]
    [InlineData("DSN_NAME")]
    [InlineData("SENTRY_DSN")]
    [InlineData("MAX_CONN")]
    [InlineData("DB_MAX_CONN")]
    [InlineData("DB_POOL_CONN")]
    [InlineData("CONN_RETRIES_DSN_MODE")]
    [InlineData("WEBHOOK_URL")]
    [InlineData("QUEUE_URL")]
    [InlineData("SECRETARY")]
    [InlineData("MAXTOKENS")]
    [InlineData("CONNECTIONSTRINGBUILDERTYPE")]
    public void ConnectionLookAlikes_AreNotSecrets(string name) => Assert.False(SecretNames.Default.IsSecret(name), name);

    [Fact]
    public void TrailingTokens_CountOnlyLastAndOnlyWithTheDefaultList()
    {
        Assert.Equal(new[] { "CONN", "DSN" }, SecretNames.DefaultTrailingTokens);
        Assert.True(SecretNames.Default.IsSecret("REDIS_CONN"));
        Assert.False(SecretNames.Default.IsSecret("CONN_MODE"));
        Assert.False(SecretNames.Create("PASSWORD", null, null).IsSecret("REDIS_CONN"));
        Assert.True(SecretNames.Create(null, "_REF", null).IsSecret("REDIS_CONN"));
    }

    /// <summary>A destination (local, member, parameter) says its value is a secret only when its name ends with an entry.</summary>
    [Theory]
    [InlineData("password", true)]
    [InlineData("dbPassword", true)]
    [InlineData("_apiKey", true)]
    [InlineData("connectionString", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("secretPrefix", false)]
    [InlineData("credentialsProfile", false)]
    [InlineData("passwordParameter", false)]
    [InlineData("tokenTtl", false)]
    [InlineData("region", false)]
    public void EndsWithSecret_NamesTheValue(string name, bool expected) => Assert.Equal(expected, SecretNames.Default.EndsWithSecret(name));

    /// <summary>One tokenization answers what a name says: a secret, nothing (where the value goes then tells), or something else.</summary>
    [Theory]
    [InlineData("DB_PASSWORD", "Secret")]
    [InlineData("DATABASE_URL", "Secret")]
    [InlineData("VALUE", "SaysNothing")]
    [InlineData("", "SaysNothing")]
    [InlineData("DB_PASSWORD_SECRET_ARN", "Other")]
    [InlineData("WEBHOOK_URL", "Other")]
    [InlineData("AWS_SESSION_TOKEN", "Other")]
    public void Classify_SecretNothingOrOther(string name, string expected) => Assert.Equal(expected, SecretNames.Default.Classify(name).ToString());

    [Fact]
    public void ConfiguredSuffix_StillSilencesAnEntryOfTheSameLength()
    {
        // An entry ending the name beats a suffix only when it spans more tokens than the suffix (DATABASE_URL over _URL).
        var names = SecretNames.Create(null, "_TOKEN|_URL", null);
        Assert.False(names.IsSecret("LEGACY_TOKEN"));
        Assert.True(names.IsSecret("DATABASE_URL"));
        Assert.False(names.IsSecret("SERVICE_URL"));
    }

    [Theory]
    [InlineData("TABLE_NAME")]
    [InlineData("BUCKET")]
    [InlineData("QUEUE_URL")]
    [InlineData("AWS_REGION")]
    [InlineData("LOG_LEVEL")]
    [InlineData("USER_NAME")]
    [InlineData("ENCRYPTION_CONTEXT")]
    [InlineData("ACCESS_KEY")]
    [InlineData("MAX_TOKENS")]
    [InlineData("SECRETS_EXTENSION_LOG_LEVEL")]
    [InlineData("SECRETARY_EMAIL")]
    [InlineData("TOKENIZER_MODEL")]
    [InlineData("PASSPORT_SCANS")]
    [InlineData("KEYWORDS")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherNames_AreNotSecrets(string? name) => Assert.False(SecretNames.Default.IsSecret(name), name);

    // ---- excluded suffixes: each one, in upper snake case and in camelCase ----

    public static TheoryData<string> ExcludedSuffixes()
    {
        var data = new TheoryData<string>();
        foreach (var suffix in SecretNames.DefaultExcludedSuffixes)
        {
            data.Add(suffix);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExcludedSuffixes))]
    public void EachExcludedSuffix_MakesASecretNameAPointer(string suffix)
    {
        Assert.False(SecretNames.Default.IsSecret("DB_PASSWORD" + suffix), "DB_PASSWORD" + suffix);
        Assert.False(SecretNames.Default.IsSecret("API_KEY" + suffix), "API_KEY" + suffix);

        var camel = "dbPassword" + string.Concat(SecretNames.Tokenize(suffix).Select(t => t[0] + t.Substring(1).ToLowerInvariant()));
        Assert.False(SecretNames.Default.IsSecret(camel), camel);
    }

    [Theory]
    [InlineData("TOKEN_TABLE_NAME")]
    [InlineData("DB_SECRET_ARN")]
    [InlineData("API_KEY_PARAMETER")]
    [InlineData("DB_PASSWORD_SECRET_ID")]
    [InlineData("SIGNING_KEY_ID")]
    [InlineData("dbSecretArn")]
    [InlineData("TOKEN_TTL")]
    [InlineData("PASSWORD_MIN_LENGTH")]
    [InlineData("SECRETS_EXTENSION_HTTP_PORT")]
    [InlineData("PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED")]
    [InlineData("API_KEY_HEADER")]
    [InlineData("TOKEN_EXPIRY")]
    public void PointersAndSettings_AreNotSecrets(string name) => Assert.False(SecretNames.Default.IsSecret(name), name);

    [Fact]
    public void Suffix_MatchesWholeTokensOnly()
    {
        // "_ID" does not end "PASSWORD_VALID", "_PATH" does not end "PASSWORD_XPATH".
        Assert.True(SecretNames.Default.IsSecret("PASSWORD_VALID"));
        Assert.True(SecretNames.Default.IsSecret("PASSWORD_XPATH"));
    }

    // ---- excluded names ----

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("AWS_SECURITY_TOKEN")]
    [InlineData("AWS_CONTAINER_AUTHORIZATION_TOKEN")]
    [InlineData("PWD")]
    [InlineData("OLDPWD")]
    public void RuntimeAndShellNames_AreNotSecrets(string name) => Assert.False(SecretNames.Default.IsSecret(name), name);

    // ---- configuration ----

    [Fact]
    public void NoOptions_IsTheDefault() => Assert.Same(SecretNames.Default, SecretNames.Create(null, null, null));

    [Fact]
    public void SecretTokensOption_ReplacesTheList()
    {
        var names = SecretNames.Create("SIGNING_SALT|hmacKey", null, null);
        Assert.True(names.IsSecret("ORDER_SIGNING_SALT"));
        Assert.True(names.IsSecret("webhookHmacKey"));
        Assert.False(names.IsSecret("DB_PASSWORD"));
        Assert.False(names.IsSecret("ORDER_SIGNING_SALT_ARN"));
    }

    [Fact]
    public void SecretTokensOption_AcceptsCommasSpacesAndAnySpelling()
    {
        var names = SecretNames.Create(" passphrase , Api-Key ", null, null);
        Assert.True(names.IsSecret("GPG_PASSPHRASE"));
        Assert.True(names.IsSecret("APIKEY"));
    }

    [Fact]
    public void EmptySecretTokensOption_FlagsNothing() => Assert.False(SecretNames.Create("", null, null).IsSecret("DB_PASSWORD"));

    [Fact]
    public void ExcludedSuffixesOption_ReplacesTheList()
    {
        var names = SecretNames.Create(null, "_REF|Handle", null);
        Assert.False(names.IsSecret("DB_PASSWORD_REF"));
        Assert.False(names.IsSecret("apiTokenHandle"));
        Assert.True(names.IsSecret("DB_PASSWORD_ARN"));
    }

    [Fact]
    public void ExcludedNamesOption_AddsToTheBuiltInNames()
    {
        var names = SecretNames.Create(null, null, "LEGACY_TOKEN|publicApiKey");
        Assert.False(names.IsSecret("LEGACY_TOKEN"));
        Assert.False(names.IsSecret("PUBLIC_API_KEY"));
        Assert.False(names.IsSecret("AWS_SESSION_TOKEN"));
        Assert.True(names.IsSecret("OTHER_TOKEN"));
    }

    [Fact]
    public void OptionKeys_AreTheDocumentedOnes()
    {
        Assert.Equal("lambda_best_practices.LBP301.secret_tokens", SecretNames.SecretTokensOption);
        Assert.Equal("lambda_best_practices.LBP301.excluded_suffixes", SecretNames.ExcludedSuffixesOption);
        Assert.Equal("lambda_best_practices.LBP301.excluded_names", SecretNames.ExcludedNamesOption);
    }

    [Fact]
    public void DefaultLists_AreTheShippedOnes()
    {
        Assert.Equal(
            new[] { "PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "APIKEY", "API_KEY", "PRIVATE_KEY", "SECRET_ACCESS_KEY", "CLIENT_SECRET", "CONNECTION_STRING", "CONNECTION_STRINGS", "CONNSTR", "CREDENTIALS", "DB_CONNECTION", "DATABASE_CONNECTION", "SQL_CONNECTION", "DATABASE_URL", "DB_URL" },
            SecretNames.DefaultSecretTokens);
        Assert.Equal(
            new[] { "_ARN", "_NAME", "_ID", "_KEY_ID", "_PARAMETER", "_PARAM", "_PATH", "_SECRET_ID", "_URL", "_URI", "_ENDPOINT", "_PORT", "_TTL", "_TABLE", "_BUCKET", "_QUEUE" },
            SecretNames.DefaultExcludedSuffixes.Take(16));
    }

    [Fact]
    public void Answers_AreRemembered_AndStayRightPastTheLimit()
    {
        // A fresh instance (not Default): the answers it keeps are its own. Both questions about one name are kept apart,
        // and names asked after the limit is reached are still answered, only not kept.
        var names = SecretNames.Create(null, null, "IGNORED_NAME");
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(NameKind.Secret, names.Classify("DB_PASSWORD"));
            Assert.False(names.EndsWithSecret("DB_PASSWORD_ARN"));
            Assert.True(names.EndsWithSecret("dbPassword"));
            Assert.Equal(NameKind.Other, names.Classify("DB_PASSWORD_ARN"));
            Assert.Equal(NameKind.SaysNothing, names.Classify("VALUE"));
            Assert.Equal(NameKind.Other, names.Classify("IGNORED_NAME"));
        }

        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(NameKind.SaysNothing, names.Classify("SETTING_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "X"));
        }

        Assert.Equal(NameKind.Secret, names.Classify("API_TOKEN"));
        Assert.True(names.EndsWithSecret("apiToken"));
        Assert.Equal(NameKind.SaysNothing, names.Classify(null));
        Assert.False(names.EndsWithSecret(null));
    }

    [Fact]
    public void AnswersPastTheLimit_DoNotMoveTheCounter()
    {
        // The default instance lives as long as the compiler server or the IDE: past the limit, a miss must not count on
        // (an int counting every miss would wrap after 2^31 of them, and the cache would grow again without bound).
        var names = SecretNames.Create(null, null, "ANOTHER_IGNORED_NAME");
        var counter = typeof(SecretNames).GetField("_remembered", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        for (var i = 0; i < 4200; i++)
        {
            names.Classify("NAME_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "X");
        }

        Assert.Equal(4096, (int)counter.GetValue(names)!);
        Assert.Equal(NameKind.Secret, names.Classify("NEW_PASSWORD"));
        Assert.Equal(4096, (int)counter.GetValue(names)!);
    }
}
