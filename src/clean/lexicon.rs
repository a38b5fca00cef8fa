//! Word lists of the block classifier: boilerplate phrase shapes with the
//! reason each stands for, and English stopwords (function words).

/// Phrase shapes of common boilerplate, with the reason each one stands for.
/// They are features: they only count against short blocks.
pub(crate) const PHRASES: &[(&str, &str)] = &[
    ("share this", "share-prompt"),
    ("share it with", "share-prompt"),
    ("share on", "share-prompt"),
    ("share via", "share-prompt"),
    ("like this story", "share-prompt"),
    ("follow us", "share-prompt"),
    ("subscribe", "share-prompt"),
    ("sign up", "share-prompt"),
    ("newsletter", "share-prompt"),
    ("e-brief", "share-prompt"),
    ("log in", "navigation"),
    ("sign in", "navigation"),
    ("skip to", "navigation"),
    ("accessibility", "navigation"),
    ("breaking news", "navigation"),
    ("menu", "navigation"),
    ("donat", "appeal"),
    ("support our", "appeal"),
    ("our loyal readers", "appeal"),
    ("also on ", "related-links"),
    ("related", "related-links"),
    ("read more", "related-links"),
    ("read next", "related-links"),
    ("you may like", "related-links"),
    ("you might also", "related-links"),
    ("you may also", "related-links"),
    ("recommended", "related-links"),
    ("more from", "related-links"),
    ("more stories", "related-links"),
    ("most read", "related-links"),
    ("most popular", "related-links"),
    ("trending", "related-links"),
    ("see also", "related-links"),
    ("podcast", "related-links"),
    ("©", "footer"),
    ("copyright", "footer"),
    ("all rights reserved", "footer"),
    ("privacy", "footer"),
    ("terms of", "footer"),
    ("cookie", "footer"),
    ("contact us", "footer"),
    ("leave a reply", "comments"),
    ("leave a comment", "comments"),
    ("comments", "comments"),
    ("required fields", "comments"),
    ("will not be published", "comments"),
    ("akismet", "comments"),
    ("advertisement", "advertisement"),
    ("sponsored", "advertisement"),
    ("(photo", "caption"),
    ("ap photo", "caption"),
    ("photo/", "caption"),
    ("image 1 of", "caption"),
    ("photo:", "caption"),
    ("photo by", "caption"),
    ("getty images", "caption"),
    ("image:", "caption"),
    ("file photo", "caption"),
    ("16x9", "caption"),
    ("with reporting by", "credits"),
    ("reporting by", "credits"),
    ("editing by", "credits"),
];

/// Phrases of page chrome that no headline holds, however short the line
/// ("Share this on WhatsApp", "Photo: …/Getty Images", "© 2019 …"). Words a
/// headline may use ("privacy", "podcast", "subscribe", "comments") are left
/// out, unlike in [`PHRASES`].
#[rustfmt::skip]
pub(crate) const NEVER_HEADLINE: &[&str] = &[
    "share this", "share it with", "share on", "share via", "sharing", "like this story",
    "follow us", "print this", "(photo", "ap photo", "photo/", "image 1 of", "photo:", "photo by",
    "getty images", "image:", "file photo", "image copyright", "reporting by", "editing by",
    "leave a reply", "leave a comment", "required fields", "will not be published", "©",
    "all rights reserved",
];

pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

/// Function words of other languages, one string of space-separated words
/// per language (the most frequent words of running text). A page is judged
/// with the list whose words it uses most; English is [`STOPWORDS`].
pub(crate) const FOREIGN_STOPWORDS: &[(&str, &str)] = &[
    (
        "es",
        "a al algo algunos ante antes como con contra cual cuando de del desde donde \
         durante e el ella ellas ellos en entre era es esa ese eso esta este esto fue \
         ha han hasta hay la las le les lo los más me mi muy ni no nos o otra otro para \
         pero por porque que quien se ser si sin sobre son su sus también te tiene todo \
         tras un una uno y ya",
    ),
    (
        "pt",
        "a ao aos as até com como da das de do dos e ela ele eles em entre era essa \
         esse esta este está foi for há isso já mais mas na nas nem no nos não num numa \
         o os ou para pela pelo pode por quando que se sem ser seu seus sobre sua suas \
         são também tem um uma à às é",
    ),
    (
        "fr",
        "a au aux avec ce ces cette comme dans de des du elle en est et il ils je la le \
         les leur leurs lui mais me même ne nous on ont ou par pas plus pour qu que qui \
         sa se ses son sont sur un une vous y été être à où",
    ),
    (
        "de",
        "aber als am an auch auf aus bei bis das dass dem den der des die dies doch \
         durch ein eine einem einen einer es für hat hatte ich ihr im in ist kann mit \
         nach nicht noch nur oder sich sie sind so um und uns vom von vor war wird wie \
         wir zu zum zur über",
    ),
    (
        "it",
        "a ai al alla alle anche che ci come con da dal dalla degli dei del della delle \
         di e ed era gli ha hanno i il in la le lo loro ma mi ne nel nella non o per più \
         questo questa quando se si sono su sua suo sul sulla tra un una uno è",
    ),
    (
        "nl",
        "aan al als bij dan dat de der die dit door een en er had heeft het hij hun ik \
         in is je kan maar met naar niet nog of om ook op over te tot uit van voor was \
         wat we werd wordt zal ze zich zijn",
    ),
    (
        "ru",
        "а без бы был была были было в вы да для до его ее её если есть же за и из или \
         им их к как когда ли мы на над не нет но о об от по под при с со так также то \
         только у уже что это я вот все всё даже ещё еще они она он можно нужно чтобы \
         может очень этого этом эти этот тем чем там тут где себя свой своих после через",
    ),
    (
        "id",
        "ada adalah akan atau bagi bahwa dalam dan dari dengan di ini itu jika juga ke \
         kepada karena lebih maka oleh pada para saat sebagai sudah telah tersebut tidak \
         untuk yang yg dgn ia dia saya kita kami mereka bisa dapat belum hanya masih harus \
         bukan sangat jadi seperti cuma lagi setelah sebelum tapi tetapi namun kalau pun \
         apa semua hal secara antara hingga sampai begitu yaitu pernah sendiri",
    ),
];

/// Particles and function characters of Japanese and Chinese, counted per
/// character in text written without spaces.
pub(crate) const CJK_FUNCTION_CHARS: &str =
    "のにはをがでともたてなしかへや的了是在和也有这不就都而与";
