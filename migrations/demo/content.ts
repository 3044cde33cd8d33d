/**
 * Maison Lumen, the demo brand: a French home and lifestyle retailer with
 * stores in Paris, Lyon and Bordeaux. Every localized string is written as
 * { en, fr }; seed.ts creates the English version and adds the French one.
 */
export type Localized = { en: string; fr: string }

const l = (en: string, fr: string): Localized => ({ en, fr })

/** A Lexical rich-text document made of plain paragraphs. */
export function paragraphs(...texts: string[]) {
  return {
    root: {
      type: 'root',
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
      children: texts.map((text) => ({
        type: 'paragraph',
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

type RichText = ReturnType<typeof paragraphs>
const rich = (en: string[], fr: string[]) => ({ en: paragraphs(...en), fr: paragraphs(...fr) })
export type LocalizedRichText = { en: RichText; fr: RichText }

export type DemoSegment = {
  slug: string
  name: Localized
  description: Localized
  priority: number
  rules: {
    match: 'all' | 'any'
    conditions: {
      attribute: string
      trait?: string
      event?: string
      category?: string
      windowDays?: number
      operator: string
      value?: string
      values?: string[]
      valueTo?: string
    }[]
  }
}

export const DEMO_SEGMENTS: DemoSegment[] = [
  {
    slug: 'loyal-gold',
    name: l('Gold loyalty members', 'Membres fidélité Or'),
    description: l('Customers at the Gold tier of the loyalty programme.', 'Clients au niveau Or du programme de fidélité.'),
    priority: 100,
    rules: { match: 'all', conditions: [{ attribute: 'trait', trait: 'loyaltyTier', operator: 'equals', value: 'gold' }] },
  },
  {
    slug: 'paris-evening',
    name: l('Paris, evening', 'Paris, en soirée'),
    description: l(
      'Anyone in Paris during the evening: decided from context alone, no personal data.',
      'Toute personne à Paris en soirée : décidé par le contexte seul, sans donnée personnelle.',
    ),
    priority: 50,
    rules: {
      match: 'all',
      conditions: [
        { attribute: 'city', operator: 'equals', value: 'Paris' },
        { attribute: 'daypart', operator: 'equals', value: 'evening' },
      ],
    },
  },
  {
    slug: 'weekend',
    name: l('Weekend shoppers', 'Clients du week-end'),
    description: l('Saturdays and Sundays, on every channel.', 'Le samedi et le dimanche, sur tous les canaux.'),
    priority: 20,
    rules: { match: 'all', conditions: [{ attribute: 'weekday', operator: 'in', values: ['sat', 'sun'] }] },
  },
  {
    slug: 'candle-curious',
    name: l('Candle-curious', 'Curieux de bougies'),
    description: l(
      'Visitors who looked at the candles page at least twice this week (behaviour, with consent).',
      'Les visiteurs qui ont consulté la page des bougies au moins deux fois cette semaine (comportement, avec consentement).',
    ),
    priority: 40,
    rules: {
      match: 'all',
      conditions: [{ attribute: 'behaviour', event: 'page_view', category: 'candles', windowDays: 7, operator: 'gte', value: '2' }],
    },
  },
  {
    // The audience of the demo's home hero experiment (migrations/demo/experiments.ts): visitors from the welcome campaign's links.
    slug: 'welcome-campaign',
    name: l('Welcome campaign', 'Campagne de bienvenue'),
    description: l('Visitors arriving from a link of the welcome campaign (utm_campaign=welcome).', 'Les visiteurs venus d’un lien de la campagne de bienvenue (utm_campaign=welcome).'),
    priority: 0,
    rules: { match: 'all', conditions: [{ attribute: 'utmCampaign', operator: 'equals', value: 'welcome' }] },
  },
  {
    slug: 'morning',
    name: l('Morning', 'Matin'),
    description: l('Before noon, in the visitor’s or the store’s time zone.', 'Avant midi, à l’heure du visiteur ou de la boutique.'),
    priority: 5,
    rules: { match: 'all', conditions: [{ attribute: 'daypart', operator: 'equals', value: 'morning' }] },
  },
  {
    slug: 'evening',
    name: l('Evening', 'Soirée'),
    description: l('From 17:00 to 22:00, in the visitor’s or the store’s time zone.', 'De 17 h à 22 h, à l’heure du visiteur ou de la boutique.'),
    priority: 5,
    rules: { match: 'all', conditions: [{ attribute: 'daypart', operator: 'equals', value: 'evening' }] },
  },
  {
    slug: 'first-visit',
    name: l('First visit', 'Première visite'),
    description: l('Visitors we have not seen before.', 'Les visiteurs que nous ne connaissons pas encore.'),
    priority: 10,
    rules: {
      match: 'any',
      conditions: [
        { attribute: 'trait', trait: 'visits', operator: 'not_exists' },
        { attribute: 'trait', trait: 'visits', operator: 'lte', value: '1' },
      ],
    },
  },
  {
    slug: 'lyon-store',
    name: l('Lyon Bellecour store', 'Boutique Lyon Bellecour'),
    description: l('Screens and visitors of our Lyon store.', 'Les écrans et visiteurs de notre boutique de Lyon.'),
    priority: 30,
    rules: { match: 'any', conditions: [{ attribute: 'store', operator: 'equals', value: 'lyon-bellecour' }] },
  },
]

export const DEMO_STORES = [
  { slug: 'paris-rivoli', name: 'Paris Rivoli', city: 'Paris', region: 'Île-de-France', country: 'FR', timezone: 'Europe/Paris', format: 'flagship' },
  { slug: 'lyon-bellecour', name: 'Lyon Bellecour', city: 'Lyon', region: 'Auvergne-Rhône-Alpes', country: 'FR', timezone: 'Europe/Paris', format: 'boutique' },
  { slug: 'bordeaux-sainte-catherine', name: 'Bordeaux Sainte-Catherine', city: 'Bordeaux', region: 'Nouvelle-Aquitaine', country: 'FR', timezone: 'Europe/Paris', format: 'boutique' },
  { slug: 'montreal-saint-denis', name: 'Montréal Saint-Denis', city: 'Montréal', region: 'Québec', country: 'CA', timezone: 'America/Toronto', format: 'corner' },
] as const

/** A paid list besides the free newsletter (the default purposes come with every install). */
export const DEMO_LISTS = [
  {
    slug: 'atelier-club',
    kind: 'marketing',
    paid: true,
    name: l('Atelier Club (paid)', 'Club Atelier (payant)'),
    description: l('The members’ letter: workshop bookings and previews.', 'La lettre des membres : réservations d’ateliers et avant-premières.'),
  },
] as const

export type DemoContent = {
  headline?: Localized
  body?: LocalizedRichText
  image?: string
  cta?: { label?: Localized; url?: string }
  offer?: { code?: string; discount?: Localized; validUntil?: string }
  product?: { name?: Localized; price?: number; currency?: string; url?: string }
}

export type DemoVariant = {
  label: string
  tone: string
  length: 'short' | 'medium' | 'long'
  channels?: ('web' | 'email' | 'screen')[]
  audience?: string[]
  content: DemoContent
}

export type DemoBlock = {
  key: string
  name: string
  kind: 'hero' | 'text' | 'offer' | 'cta' | 'image' | 'product'
  tone: string
  length: 'short' | 'medium' | 'long'
  content: DemoContent
  variants: DemoVariant[]
}

export const DEMO_BLOCKS: DemoBlock[] = [
  {
    key: 'home-hero',
    name: 'Home hero',
    kind: 'hero',
    tone: 'friendly',
    length: 'medium',
    content: {
      headline: l('Light up your evenings', 'Illuminez vos soirées'),
      body: rich(
        ['Hand-poured candles, soft linens and ceramics made in France.'],
        ['Bougies coulées à la main, linge doux et céramiques fabriqués en France.'],
      ),
      image: 'evening-candles',
      cta: { label: l('Discover the collection', 'Découvrir la collection'), url: '/collection' },
    },
    variants: [
      {
        label: 'Gold members',
        tone: 'formal',
        length: 'medium',
        audience: ['loyal-gold'],
        content: {
          headline: l('Welcome back: your private sale is open', 'Bon retour : votre vente privée est ouverte'),
          body: rich(
            ['As a Gold member, enjoy early access to the winter collection and complimentary gift wrapping.'],
            ['En tant que membre Or, profitez d’un accès anticipé à la collection d’hiver et de l’emballage cadeau offert.'],
          ),
          image: 'gold-lounge',
          cta: { label: l('Enter the private sale', 'Accéder à la vente privée'), url: '/private-sale' },
        },
      },
      {
        label: 'First visit',
        tone: 'friendly',
        length: 'short',
        audience: ['first-visit'],
        content: {
          headline: l('New here? Take 10 % off your first order', 'Nouveau ici ? 10 % offerts sur votre première commande'),
          cta: { label: l('Claim my welcome offer', 'Profiter de mon offre de bienvenue'), url: '/welcome' },
        },
      },
      {
        // The demo experiment's other arm (migrations/demo/experiments.ts); outside it, “First visit” wins the tie.
        label: 'First visit, free delivery',
        tone: 'friendly',
        length: 'long',
        audience: ['first-visit'],
        content: {
          headline: l('New here? Your first order ships free', 'Nouveau ici ? Votre première commande est livrée gratuitement'),
          cta: { label: l('Start shopping', 'Commencer mes achats'), url: '/welcome' },
        },
      },
      {
        label: 'Candle-curious',
        tone: 'playful',
        length: 'short',
        audience: ['candle-curious'],
        content: {
          headline: l('Still thinking about those candles? Here is 10 % off', 'Vous pensez encore à ces bougies ? Voici 10 % offerts'),
          cta: { label: l('See the candles', 'Voir les bougies'), url: '/candles' },
        },
      },
      {
        label: 'Paris tonight',
        tone: 'urgent',
        length: 'short',
        audience: ['paris-evening'],
        content: {
          headline: l('Rue de Rivoli is open until 9 pm tonight', 'Rue de Rivoli, ouvert jusqu’à 21 h ce soir'),
          image: 'store-front',
          cta: { label: l('Get directions', 'Itinéraire'), url: '/stores/paris-rivoli' },
        },
      },
      {
        label: 'Store screen',
        tone: 'playful',
        length: 'short',
        channels: ['screen'],
        content: { headline: l('Candles are glowing at −30 %', 'Les bougies brillent à −30 %') },
      },
      {
        label: 'Email',
        tone: 'friendly',
        length: 'long',
        channels: ['email'],
        content: {
          headline: l('Our autumn edit has arrived', 'Notre sélection d’automne est arrivée'),
          body: rich(
            ['Amber, fig and cedar: three new scents to warm the longer evenings, poured by hand in our Lyon atelier.', 'Pair them with our washed-linen throws for the coziest corner of the house.'],
            ['Ambre, figue et cèdre : trois nouveaux parfums pour réchauffer les longues soirées, coulés à la main dans notre atelier lyonnais.', 'Associez-les à nos plaids en lin lavé pour le coin le plus douillet de la maison.'],
          ),
        },
      },
    ],
  },
  {
    key: 'welcome-text',
    name: 'Welcome text',
    kind: 'text',
    tone: 'friendly',
    length: 'medium',
    content: {
      headline: l('Made slowly, to be kept', 'Fait lentement, pour durer'),
      body: rich(
        ['Every piece in our collection is made in small batches by French artisans. We would rather make fewer things, better.'],
        ['Chaque pièce de notre collection est fabriquée en petites séries par des artisans français. Nous préférons faire moins, mais mieux.'],
      ),
    },
    variants: [
      {
        label: 'Short',
        tone: 'friendly',
        length: 'short',
        channels: ['screen', 'email'],
        content: { body: rich(['Made in France, in small batches.'], ['Fabriqué en France, en petites séries.']) },
      },
      {
        label: 'Gold, long',
        tone: 'formal',
        length: 'long',
        audience: ['loyal-gold'],
        content: {
          headline: l('Thank you for your loyalty', 'Merci pour votre fidélité'),
          body: rich(
            ['Our artisans have set aside a first run of the winter collection for Gold members.', 'Your personal advisor is available in every store and by phone, every day from 10 am to 7 pm.'],
            ['Nos artisans ont réservé une première série de la collection d’hiver aux membres Or.', 'Votre conseiller personnel vous reçoit dans toutes nos boutiques et par téléphone, tous les jours de 10 h à 19 h.'],
          ),
        },
      },
    ],
  },
  {
    key: 'autumn-offer',
    name: 'Autumn offer',
    kind: 'offer',
    tone: 'friendly',
    length: 'medium',
    content: {
      headline: l('20 % off candles and diffusers', '20 % sur les bougies et diffuseurs'),
      body: rich(['Until Sunday, online and in store.'], ['Jusqu’à dimanche, en ligne et en boutique.']),
      offer: { code: 'AUTUMN20', discount: l('−20 %', '−20 %') },
      cta: { label: l('Shop candles', 'Voir les bougies'), url: '/collection/candles' },
    },
    variants: [
      {
        label: 'Gold members',
        tone: 'formal',
        length: 'medium',
        audience: ['loyal-gold'],
        content: {
          headline: l('30 % off for Gold members', '30 % pour les membres Or'),
          offer: { code: 'GOLD30', discount: l('−30 %', '−30 %') },
        },
      },
      {
        label: 'Last hours, email',
        tone: 'urgent',
        length: 'short',
        channels: ['email'],
        content: { headline: l('Last 48 hours: 20 % off candles', 'Plus que 48 h : 20 % sur les bougies') },
      },
      {
        label: 'Screen',
        tone: 'playful',
        length: 'short',
        channels: ['screen'],
        content: { headline: l('−20 % on every candle', '−20 % sur toutes les bougies') },
      },
    ],
  },
  {
    key: 'shop-cta',
    name: 'Shop the collection',
    kind: 'cta',
    tone: 'friendly',
    length: 'short',
    content: {
      headline: l('Ready for cosy season?', 'Prêt pour la saison cocooning ?'),
      cta: { label: l('Shop the collection', 'Découvrir la collection'), url: '/collection' },
    },
    variants: [
      {
        label: 'Playful',
        tone: 'playful',
        length: 'short',
        channels: ['email'],
        content: { cta: { label: l('Treat yourself', 'Faites-vous plaisir') } },
      },
      {
        label: 'Weekend',
        tone: 'urgent',
        length: 'short',
        audience: ['weekend'],
        content: { headline: l('This weekend only: free gift wrapping', 'Ce week-end : emballage cadeau offert') },
      },
    ],
  },
  {
    key: 'atelier-image',
    name: 'Atelier photo',
    kind: 'image',
    tone: 'friendly',
    length: 'short',
    content: { headline: l('Inside our Lyon atelier', 'Dans notre atelier lyonnais'), image: 'atelier' },
    variants: [
      {
        label: 'Lyon store',
        tone: 'friendly',
        length: 'short',
        audience: ['lyon-store'],
        content: { headline: l('Made a few streets from here', 'Fabriqué à quelques rues d’ici') },
      },
    ],
  },
  {
    key: 'product-linen',
    name: 'Product: washed-linen throw',
    kind: 'product',
    tone: 'friendly',
    length: 'medium',
    content: {
      headline: l('Our best-seller', 'Notre best-seller'),
      body: rich(['Washed linen, sage green, 130 × 170 cm.'], ['Lin lavé, vert sauge, 130 × 170 cm.']),
      image: 'linen-throw',
      product: { name: l('Washed-linen throw', 'Plaid en lin lavé'), price: 89, currency: 'EUR', url: '/products/linen-throw' },
      cta: { label: l('View the throw', 'Voir le plaid'), url: '/products/linen-throw' },
    },
    variants: [
      {
        label: 'Short',
        tone: 'friendly',
        length: 'short',
        channels: ['screen'],
        content: { body: rich(['Washed linen.'], ['Lin lavé.']) },
      },
    ],
  },
  {
    key: 'product-candle',
    name: 'Product: amber candle',
    kind: 'product',
    tone: 'friendly',
    length: 'medium',
    content: {
      headline: l('Scent of the season', 'Le parfum de la saison'),
      body: rich(['Amber and cedar, 60 hours of burn time.'], ['Ambre et cèdre, 60 heures de combustion.']),
      image: 'evening-candles',
      product: { name: l('Amber candle', 'Bougie Ambre'), price: 34, currency: 'EUR', url: '/products/amber-candle' },
    },
    variants: [
      {
        label: 'Weekend',
        tone: 'playful',
        length: 'short',
        audience: ['weekend'],
        content: { headline: l('Sunday evening, sorted', 'Le dimanche soir, c’est réglé') },
      },
    ],
  },
  {
    key: 'store-events',
    name: 'Store events',
    kind: 'text',
    tone: 'friendly',
    length: 'medium',
    content: {
      headline: l('Candle-making workshops', 'Ateliers de fabrication de bougies'),
      body: rich(
        ['Every Saturday morning in our stores: pour your own candle with our artisans. Places are limited.'],
        ['Chaque samedi matin dans nos boutiques : coulez votre propre bougie avec nos artisans. Places limitées.'],
      ),
    },
    variants: [
      {
        label: 'Lyon',
        tone: 'friendly',
        length: 'short',
        audience: ['lyon-store'],
        content: {
          headline: l('Workshop at Bellecour this Saturday', 'Atelier à Bellecour ce samedi'),
          body: rich(['Ask at the counter to book your place.'], ['Demandez en caisse pour réserver votre place.']),
        },
      },
    ],
  },
  {
    key: 'delivery-promise',
    name: 'Delivery promise',
    kind: 'text',
    tone: 'formal',
    length: 'short',
    content: {
      body: rich(
        ['Free delivery from €60, free returns within 30 days.'],
        ['Livraison offerte dès 60 €, retours gratuits sous 30 jours.'],
      ),
    },
    variants: [
      {
        label: 'Gold',
        tone: 'formal',
        length: 'short',
        audience: ['loyal-gold'],
        content: { body: rich(['Free express delivery on every order, as a Gold member.'], ['Livraison express offerte sur toutes vos commandes, en tant que membre Or.']) },
      },
    ],
  },
  {
    key: 'newsletter-intro',
    name: 'Newsletter greeting',
    kind: 'text',
    tone: 'friendly',
    length: 'medium',
    content: {
      headline: l('Hello {{firstName}},', 'Bonjour {{firstName}},'),
      body: rich(
        ['The evenings are drawing in, and our workshops are busier than ever. Here is what is new this month.'],
        ['Les soirées rallongent et nos ateliers n’ont jamais été aussi animés. Voici les nouveautés du mois.'],
      ),
    },
    variants: [
      {
        label: 'Gold, formal',
        tone: 'formal',
        length: 'medium',
        audience: ['loyal-gold'],
        content: {
          body: rich(
            ['As one of our most loyal customers, you are the first to discover the winter collection.'],
            ['En tant que client parmi les plus fidèles, vous découvrez en avant-première la collection d’hiver.'],
          ),
        },
      },
    ],
  },
  {
    key: 'screen-welcome',
    name: 'Screen welcome',
    kind: 'hero',
    tone: 'playful',
    length: 'short',
    content: {
      headline: l('Welcome to Maison Lumen', 'Bienvenue chez Maison Lumen'),
      image: 'store-front',
    },
    variants: [
      {
        label: 'Paris evening',
        tone: 'urgent',
        length: 'short',
        audience: ['paris-evening'],
        content: { headline: l('Open until 9 pm: last call for candles', 'Ouvert jusqu’à 21 h : dernières bougies') },
      },
      {
        label: 'Lyon',
        tone: 'friendly',
        length: 'short',
        audience: ['lyon-store'],
        content: { headline: l('Bienvenue à Bellecour', 'Bienvenue à Bellecour') },
      },
      {
        label: 'Morning',
        tone: 'friendly',
        length: 'short',
        channels: ['screen'],
        audience: ['morning'],
        content: { headline: l('Good morning! Fresh coffee and new candles', 'Bonjour ! Café offert et nouvelles bougies') },
      },
      {
        label: 'Evening',
        tone: 'playful',
        length: 'short',
        channels: ['screen'],
        audience: ['evening'],
        content: { headline: l('Evening glow: light one up tonight', 'Lueurs du soir : allumez-en une ce soir') },
      },
    ],
  },
]

export type DemoPage = {
  slug: string
  title: Localized
  channel: 'web' | 'email' | 'screen'
  slots: string[]
  email?: {
    list: string
    subject: Localized
    preheader: Localized
    variants: { label: string; tone: string; length: 'short' | 'medium' | 'long'; audience?: string[]; subject: Localized; preheader?: Localized }[]
  }
  screen?: { resolution: string; orientation: 'landscape' | 'portrait' }
}

export const DEMO_PAGES: DemoPage[] = [
  {
    slug: 'home',
    title: l('Maison Lumen: candles, linen and ceramics', 'Maison Lumen : bougies, linge et céramiques'),
    channel: 'web',
    slots: ['home-hero', 'welcome-text', 'autumn-offer', 'product-linen', 'product-candle', 'atelier-image', 'store-events', 'delivery-promise', 'shop-cta', 'ask-profile', 'nps-survey'],
  },
  {
    slug: 'candles',
    title: l('Candles: poured by hand in Lyon', 'Bougies : coulées à la main à Lyon'),
    channel: 'web',
    slots: ['product-candle', 'autumn-offer', 'store-events', 'delivery-promise'],
  },
  {
    slug: 'newsletter',
    title: l('Autumn newsletter', 'Lettre d’automne'),
    channel: 'email',
    slots: ['home-hero', 'newsletter-intro', 'autumn-offer', 'product-linen', 'shop-cta', 'delivery-promise', 'ask-profile', 'nps-survey'],
    email: {
      list: 'newsletter',
      subject: l('Our autumn edit is here', 'Notre sélection d’automne est arrivée'),
      preheader: l('Three new scents and 20 % off candles until Sunday.', 'Trois nouveaux parfums et 20 % sur les bougies jusqu’à dimanche.'),
      variants: [
        {
          label: 'Gold members',
          tone: 'formal',
          length: 'medium',
          audience: ['loyal-gold'],
          subject: l('Your private sale starts now', 'Votre vente privée commence maintenant'),
          preheader: l('30 % off for Gold members, before anyone else.', '30 % pour les membres Or, avant tout le monde.'),
        },
        {
          label: 'Urgent',
          tone: 'urgent',
          length: 'short',
          subject: l('Last 48 hours: −20 % on candles', 'Plus que 48 h : −20 % sur les bougies'),
        },
      ],
    },
  },
  {
    slug: 'store-screen',
    title: l('Store screen', 'Écran boutique'),
    channel: 'screen',
    slots: ['screen-welcome', 'autumn-offer', 'product-candle'],
    screen: { resolution: '1920x1080', orientation: 'landscape' },
  },
]
