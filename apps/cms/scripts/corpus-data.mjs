// The reference corpus's data, made by a seeded generator: the same seed gives the same entries,
// byte for byte, on every run and machine. Every entry says it is generated (names, titles, bios,
// bodies) and every slug starts with `gen-`, so nobody mistakes it for real content.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CORPUS_LOCALES = ['en', 'es', 'fr'];
export const CORPUS_SIZE = { articles: 1000, authors: 300, topics: 20, providers: 10_000 };
const SEED = 20_261_130;

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; enough for test data, not for secrets. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width) => String(n).padStart(width, '0');
const slugify = (text) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const clip = (text, max) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

const TOPICS = [
  ['pain', 'Pain', 'Dolor', 'Douleur'],
  ['breathlessness', 'Breathlessness', 'Falta de aire', 'Essoufflement'],
  ['fatigue', 'Fatigue', 'Cansancio', 'Fatigue'],
  ['cancer', 'Cancer', 'Cáncer', 'Cancer'],
  ['heart-failure', 'Heart failure', 'Insuficiencia cardiaca', 'Insuffisance cardiaque'],
  ['copd', 'COPD', 'EPOC', 'BPCO'],
  ['kidney-disease', 'Kidney disease', 'Enfermedad renal', 'Maladie rénale'],
  ['dementia', 'Dementia', 'Demencia', 'Démence'],
  ['als', 'ALS', 'ELA', 'SLA'],
  ['parkinsons', 'Parkinson’s', 'Párkinson', 'Parkinson'],
  ['caregivers', 'Caregivers', 'Cuidadores', 'Aidants'],
  ['children', 'Children', 'Niños', 'Enfants'],
  ['advance-care-planning', 'Advance care planning', 'Planificación anticipada', 'Directives anticipées'],
  ['hospice', 'Hospice', 'Hospicio', 'Soins de fin de vie'],
  ['nutrition', 'Nutrition', 'Nutrición', 'Nutrition'],
  ['sleep', 'Sleep', 'Sueño', 'Sommeil'],
  ['anxiety', 'Anxiety', 'Ansiedad', 'Anxiété'],
  ['grief', 'Grief', 'Duelo', 'Deuil'],
  ['insurance', 'Insurance', 'Seguros', 'Assurance'],
  ['spiritual-care', 'Spiritual care', 'Atención espiritual', 'Soins spirituels'],
];

const FIRST = ['Ana', 'Ben', 'Chloe', 'David', 'Elif', 'Farah', 'Grace', 'Hugo', 'Ines', 'Jamal', 'Kenji', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Samuel', 'Tara'];
const LAST = ['Abbott', 'Baptiste', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'García', 'Haddad', 'Ibarra', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor'];
const CREDENTIALS = ['MD', 'RN', 'NP', 'MSW', 'PharmD', 'DO', 'PhD', 'BCC'];

const WORDS = {
  en: {
    marker: 'Generated',
    note: 'Generated reference content for performance tests; not medical advice.',
    role: 'Generated author for the reference corpus',
    bio: (name) => `${name} is a generated author: this person does not exist and appears only in Solace’s reference corpus for performance tests.`,
    topicDescription: (name) => `Generated topic about ${name.toLowerCase()}, for performance tests.`,
    openings: ['Living with', 'Questions about', 'A guide to', 'Understanding', 'Talking with your team about', 'Practical help with', 'What to expect from'],
    subjects: ['pain at home', 'night-time breathlessness', 'choosing a care setting', 'a new diagnosis', 'caregiver stress', 'changing goals of care', 'medicines and side effects', 'feeling tired all the time', 'planning ahead'],
    headings: ['What it is', 'Why it matters', 'What you can ask', 'What helps', 'When to call', 'For families'],
    sentences: [
      'Palliative care is specialised medical care for people living with a serious illness, at any age and any stage.',
      'It focuses on relief from symptoms and stress, and it can be given alongside treatment meant to cure.',
      'A team of doctors, nurses, social workers and chaplains works with your own doctors.',
      'Bring a list of questions to your next appointment, and ask what each option means for daily life.',
      'Many people find that writing symptoms down each day helps the team adjust the plan.',
      'Family members often carry a heavy load; the team can support them too.',
      'Tell your team what matters most to you, so the plan can follow your goals.',
      'Ask whether a home visit, a clinic visit or a video visit would suit you best.',
    ],
    bullets: ['Keep a short symptom diary.', 'Name one person the team can call.', 'Write down your medicines and doses.', 'Ask what to do at night or on weekends.'],
  },
  es: {
    marker: 'Generado',
    note: 'Contenido de referencia generado para pruebas de rendimiento; no es consejo médico.',
    role: 'Autor generado para el corpus de referencia',
    bio: (name) => `${name} es un autor generado: esta persona no existe y solo aparece en el corpus de referencia de Solace para pruebas de rendimiento.`,
    topicDescription: (name) => `Tema generado sobre ${name.toLowerCase()}, para pruebas de rendimiento.`,
    openings: ['Vivir con', 'Preguntas sobre', 'Una guía sobre', 'Entender', 'Hablar con su equipo sobre', 'Ayuda práctica con', 'Qué esperar de'],
    subjects: ['el dolor en casa', 'la falta de aire nocturna', 'elegir dónde recibir atención', 'un diagnóstico nuevo', 'el estrés del cuidador', 'los objetivos de atención', 'los medicamentos', 'el cansancio constante', 'planificar con tiempo'],
    headings: ['Qué es', 'Por qué importa', 'Qué puede preguntar', 'Qué ayuda', 'Cuándo llamar', 'Para las familias'],
    sentences: [
      'Los cuidados paliativos son atención médica especializada para personas con una enfermedad grave, a cualquier edad y en cualquier etapa.',
      'Se centran en aliviar los síntomas y el estrés, y pueden darse junto con el tratamiento curativo.',
      'Un equipo de médicos, enfermeras, trabajadores sociales y capellanes colabora con sus propios médicos.',
      'Lleve una lista de preguntas a su próxima cita y pregunte qué significa cada opción en el día a día.',
      'Muchas personas anotan sus síntomas cada día, y eso ayuda al equipo a ajustar el plan.',
      'Los familiares suelen cargar con mucho; el equipo también puede apoyarlos.',
      'Diga a su equipo qué es lo más importante para usted, para que el plan siga sus metas.',
      'Pregunte si le conviene más una visita a domicilio, en la clínica o por video.',
    ],
    bullets: ['Lleve un breve diario de síntomas.', 'Indique a una persona de contacto.', 'Anote sus medicamentos y dosis.', 'Pregunte qué hacer de noche o el fin de semana.'],
  },
  fr: {
    marker: 'Généré',
    note: 'Contenu de référence généré pour des tests de performance ; ce n’est pas un avis médical.',
    role: 'Auteur généré pour le corpus de référence',
    bio: (name) => `${name} est un auteur généré : cette personne n’existe pas et n’apparaît que dans le corpus de référence de Solace pour les tests de performance.`,
    topicDescription: (name) => `Thème généré sur ${name.toLowerCase()}, pour les tests de performance.`,
    openings: ['Vivre avec', 'Questions sur', 'Un guide sur', 'Comprendre', 'Parler à votre équipe de', 'Aide pratique pour', 'À quoi s’attendre avec'],
    subjects: ['la douleur à domicile', 'l’essoufflement la nuit', 'le choix du lieu de soins', 'un nouveau diagnostic', 'l’épuisement de l’aidant', 'les objectifs de soins', 'les médicaments', 'la fatigue constante', 'l’anticipation'],
    headings: ['De quoi s’agit-il', 'Pourquoi c’est important', 'Que demander', 'Ce qui aide', 'Quand appeler', 'Pour les familles'],
    sentences: [
      'Les soins palliatifs sont des soins médicaux spécialisés pour les personnes atteintes d’une maladie grave, à tout âge et à tout stade.',
      'Ils visent à soulager les symptômes et le stress, et peuvent accompagner un traitement curatif.',
      'Une équipe de médecins, d’infirmières, de travailleurs sociaux et d’aumôniers travaille avec vos propres médecins.',
      'Apportez une liste de questions à votre prochain rendez-vous et demandez ce que chaque option change au quotidien.',
      'Beaucoup de personnes notent leurs symptômes chaque jour, ce qui aide l’équipe à ajuster le plan.',
      'Les proches portent souvent une lourde charge ; l’équipe peut aussi les soutenir.',
      'Dites à votre équipe ce qui compte le plus pour vous, afin que le plan suive vos objectifs.',
      'Demandez si une visite à domicile, en clinique ou en vidéo vous conviendrait le mieux.',
    ],
    bullets: ['Tenez un court journal des symptômes.', 'Désignez une personne à contacter.', 'Notez vos médicaments et leurs doses.', 'Demandez quoi faire la nuit ou le week-end.'],
  },
};

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

export function corpusTopics() {
  return TOPICS.map(([key, ...names], i) => {
    const slug = `gen-topic-${pad(i + 1, 2)}-${key}`;
    const versions = CORPUS_LOCALES.map((locale, l) => {
      const name = `${names[l]} (${WORDS[locale].marker.toLowerCase()})`;
      return [locale, { slug, name, description: WORDS[locale].topicDescription(names[l]) }];
    });
    return { slug, versions: Object.fromEntries(versions) };
  });
}

export function corpusAuthors() {
  const rand = random(SEED + 1);
  return Array.from({ length: CORPUS_SIZE.authors }, (_, i) => {
    const name = `${pick(rand, FIRST)} ${pick(rand, LAST)} ${pad(i + 1, 3)}`;
    const credentials = pick(rand, CREDENTIALS);
    const shared = { name: `${name} (generated)`, credentials, slug: `gen-author-${pad(i + 1, 3)}-${slugify(name)}` };
    return {
      slug: shared.slug,
      versions: Object.fromEntries(
        CORPUS_LOCALES.map((locale) => [locale, { ...shared, role: WORDS[locale].role, bio: WORDS[locale].bio(name) }]),
      ),
    };
  });
}

/** A Markdown body of about 3 KB: sections with paragraphs, a list and a link. */
function articleBody(rand, words, title) {
  const parts = [`> ${words.note}`, ''];
  while (parts.join('\n').length < 2900) {
    parts.push(`## ${pick(rand, words.headings)}`, '');
    const sentences = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(rand, words.sentences));
    parts.push(sentences.join(' '), '');
    if (rand() < 0.5) parts.push(...words.bullets.map((b) => `- ${b}`), '');
    if (rand() < 0.3) parts.push(`**${title}**: [${words.marker}](https://example.org/generated).`, '');
  }
  return parts.join('\n').trim();
}

/** 1,000 articles, each in every corpus locale, with an author and two topics. */
export function corpusArticles(authorCount = CORPUS_SIZE.authors, topicCount = CORPUS_SIZE.topics) {
  const rand = random(SEED + 2);
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: CORPUS_SIZE.articles }, (_, i) => {
    const number = pad(i + 1, 4);
    const author = Math.floor(rand() * authorCount);
    const first = Math.floor(rand() * topicCount);
    const second = (first + 1 + Math.floor(rand() * (topicCount - 1))) % topicCount;
    const date = new Date(start - Math.floor(rand() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
    const choice = [rand(), rand()];
    const versions = Object.fromEntries(
      CORPUS_LOCALES.map((locale) => {
        const words = WORDS[locale];
        const subject = `${words.openings[Math.floor(choice[0] * words.openings.length)]} ${words.subjects[Math.floor(choice[1] * words.subjects.length)]}`;
        const title = `[${words.marker}] ${subject} ${number}`;
        return [locale, {
          title,
          slug: `gen-${number}-${slugify(subject)}`,
          summary: clip(`${words.note} ${words.sentences[0]}`, 300),
          body: articleBody(rand, words, title),
          seo: { metaTitle: clip(title, 60), metaDescription: clip(words.note, 160) },
        }];
      }),
    );
    return { slug: versions.en.slug, date, author, topics: [first, second], versions };
  });
}

const ORG_TYPES = ['hospital', 'health_system', 'clinic', 'hospice', 'home_health'];
const PROGRAMS = ['Palliative Care Program', 'Supportive Care Service', 'Comfort Care Team', 'Home Palliative Service', 'Serious Illness Clinic'];

/**
 * 10,000 providers spread over every state the CMS allows, each at a real ZIP code of that state
 * with its coordinates (the `zipcodes` package, the site's own ZIP data). English only.
 */
export function corpusProviders(states, organizationTypes = ORG_TYPES) {
  const zipcodes = require('zipcodes');
  const zipsByState = new Map(states.map((s) => [s, []]));
  for (const entry of Object.values(zipcodes.codes)) {
    if (entry.country === 'US' && /^\d{5}$/.test(entry.zip)) zipsByState.get(entry.state)?.push(entry);
  }
  for (const [state, zips] of zipsByState) {
    if (zips.length === 0) throw new Error(`The zipcodes package has no ZIP code in ${state}.`);
    zips.sort((a, b) => a.zip.localeCompare(b.zip));
  }
  const rand = random(SEED + 3);
  return Array.from({ length: CORPUS_SIZE.providers }, (_, i) => {
    const number = pad(i + 1, 5);
    const state = states[i % states.length];
    const place = pick(rand, zipsByState.get(state));
    const name = `Generated ${place.city} ${pick(rand, PROGRAMS)} ${number}`;
    const settings = [rand() < 0.5, rand() < 0.5, rand() < 0.5, rand() < 0.3];
    if (!settings.some(Boolean)) settings[1] = true;
    const children = rand() < 0.2;
    const slug = `gen-provider-${number}-${slugify(place.city)}-${state.toLowerCase()}`;
    return {
      slug,
      data: {
        slug,
        name,
        organizationType: pick(rand, organizationTypes),
        streetAddress: `${100 + Math.floor(rand() * 9800)} Generated Way`,
        city: place.city,
        state,
        zip: place.zip,
        latitude: place.latitude,
        longitude: place.longitude,
        phone: `(555) 555-${pad(i % 10_000, 4)}`,
        website: `https://example.org/${slug}`,
        email: `${slug}@example.org`,
        careHospital: settings[0],
        careOfficeClinic: settings[1],
        careHome: settings[2],
        careNursingHome: settings[3],
        agesAdults: !children || rand() < 0.5,
        agesChildren: children,
        languagesSpoken: rand() < 0.4 ? 'English, Spanish' : 'English',
        acceptingNewPatients: rand() < 0.8,
        description: `${WORDS.en.note} ${WORDS.en.sentences[0]} ${WORDS.en.sentences[2]}`,
        services: 'Generated: pain and symptom management, goals-of-care conversations, family support.',
      },
    };
  });
}
