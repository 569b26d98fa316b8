"""Held-out evaluation of the linker on unseen text: precision and recall.

The items are news and analysis paragraphs written for this test in the styles of
other outlets (Dawn, The Express Tribune, TOLOnews, Al Jazeera, Reuters, The Diplomat,
RFE/RL, Xinhua/Global Times, The Hindu) and other years (2014-2025). Their expected
links were labelled by reading the text, not from the program's output, and are
scored as sets per item (micro-averaged): a feature, actor or (value, precision) date
counts once per item however often it is named.

Labelling decisions (what a correct linker should do):
- Only ids that exist in the gazetteer and the registry are labelled. Places named in
  the items that the gazetteer lacks are listed in ``gaps`` (not scored): they are
  coverage work for the places layer, not linker errors. When the gazetteer gains
  one (issue 13: towns, the world layer), it moves from ``gaps`` to the labels
  (Khar, Istanbul, Turkey, Qatar, Kazakhstan here; Charsadda in batch 3; "Goshta
  district" is its seat, the town Gōshtah, the only Goshta feature).
- Issue 13's rules, applied to the earlier items when it was done: a capital that acts
  is also its government ("Islamabad wants", "the Foreign Office in Islamabad said":
  ``pakistan``), and after 15 August 2021 "Afghan <role>" is the Taliban government's
  (as batch 3 labels it: "Pakistani and Afghan customs officials" in 2022, "Afghan
  delegations" in 2025).
- A country's name links the feature and the state actor; a demonym alone ("Afghan
  soil") links the feature only; "<demonym> <role>" ("Pakistani officials") both.
- "Islamabad High Court" links Islamabad: the court is in the city and what happens
  there happens in Islamabad. Team names (Peshawar Zalmi, Quetta Gladiators) link
  nothing: their matches are played anywhere, so they say nothing about the city.
- "Pakistan Tehreek-e-Insaf" is PTI, not Pakistan and not TTP; "Tehreek-e-Jihad
  Pakistan" is its own group; "Kabul River", "Indus River", "Indian Ocean" and
  "China Town" are not Kabul, India or China; "Hamid Karzai International Airport"
  is Kabul, not the person.
- "Gorno-Badakhshan" (Tajikistan) is its own feature, not Afghanistan's Badakhshan;
  Iran's "Sistan-Baluchestan" is its own feature, not Pakistan's Balochistan;
  "ethnic Tajiks" are not Tajikistan.
- A district drawn at its seat and the seat town are two features: "Miramshah"
  is miran-shah, "North Waziristan" north-waziristan. "North and South Waziristan"
  names both districts.
- Decades ("the 1990s", "the 2010s") are not dates; "mid-2021" is the year 2021;
  "9/11" and "Sept. 11, 2001" are 2001-09-11.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from articles.actors import load_actors
from articles.dates.resolve import extract_article_dates
from articles.link.linker import build_context, link_passages
from articles.model import Passage
from geo.gazetteer import load_features


@dataclass(frozen=True)
class Item:
    name: str
    published: dt.date
    text: str
    features: frozenset[str]
    actors: frozenset[str]
    dates: frozenset[tuple[str, str]]
    gaps: tuple[str, ...] = field(default=())


def item(name, published, text, features, actors, dates, gaps=()):
    return Item(
        name,
        published,
        text.strip(),
        frozenset(features.split()),
        frozenset(actors.split()),
        frozenset((d.split("/")[0], d.split("/")[1]) for d in dates.split()),
        tuple(gaps),
    )


ITEMS = (
    item(
        "dawn-torkham-2023",
        dt.date(2023, 9, 8),
        """
PESHAWAR: The Torkham border crossing between Pakistan and Afghanistan remained
closed for a second day on Thursday after border guards of the two countries
exchanged fire on Wednesday, stranding hundreds of trucks on both sides of the
Khyber Pass.

Officials in Landi Kotal said the Afghan Taliban had started building a check post
on what Pakistan considers its side of the Durand Line, which Kabul has never
recognised since the 1893 agreement between Amir Abdur Rahman Khan and Sir Mortimer
Durand. Traders in the Khyber district said they were losing millions of rupees a
day.
""",
        "peshawar torkham pakistan afghanistan khyber-pass durand-line kabul"
        " landi-kotal khyber-district",
        "pakistan afghanistan taliban",
        "2023-09-07/day 2023-09-06/day 1893/year",
    ),
    item(
        "tribune-dikhan-2023",
        dt.date(2023, 12, 13),
        """
DERA ISMAIL KHAN: At least 23 soldiers were martyred when a suicide bomber rammed
an explosives-laden vehicle into a police station being used by the army in
Daraban, Dera Ismail Khan, early on Tuesday, the ISPR said. Tehreek-e-Jihad
Pakistan, believed to be a front for the banned Tehreek-e-Taliban Pakistan (TTP),
claimed responsibility.

The attack came weeks after militants struck an air base in Mianwali and days after
clashes in Bannu and North Waziristan. Caretaker Prime Minister Anwaarul Haq Kakar
said the terrorists were operating from Afghan soil, and the Foreign Office
summoned the Afghan charge d'affaires in Islamabad.
""",
        "afghanistan islamabad dera-ismail-khan mianwali bannu north-waziristan",
        "pakistan-army tjp ttp anwaar-ul-haq-kakar",
        "2023-12-12/day",
        ("Daraban",),
    ),
    item(
        "tolo-kabul-airport-2021",
        dt.date(2021, 8, 27),
        """
KABUL - At least 170 people, including 13 US service members, were killed on
Thursday when a suicide bomber struck crowds outside Abbey Gate of Hamid Karzai
International Airport in Kabul. The Islamic State Khorasan Province (ISIS-K)
claimed responsibility.

The Islamic Emirate's spokesman Zabihullah Mujahid condemned the attack and said it
happened in an area under US forces' control. President Joe Biden vowed to hunt down
the perpetrators. The evacuation, which began after the fall of Kabul on 15 August,
is due to end by August 31.
""",
        "kabul united-states",
        "united-states iskp taliban zabihullah-mujahid joe-biden",
        "2021-08-26/day 2021-08-15/day 2021-08-31/day",
    ),
    item(
        "aljazeera-iran-pakistan-2024",
        dt.date(2024, 1, 18),
        """
Islamabad, Pakistan - Pakistan says it has carried out military strikes on
"terrorist hideouts" in Iran's Sistan-Baluchestan province, two days after Tehran
launched missile and drone attacks on what it said were bases of the armed group
Jaish al-Adl in Pakistan's Balochistan province.

The Pakistani foreign ministry said Thursday's strikes near the Iranian city of
Saravan targeted the Balochistan Liberation Front and the Balochistan Liberation
Army, groups it says operate from "ungoverned spaces" inside Iran. Iran's strikes
on Tuesday hit a village near Panjgur, killing two children, Pakistan said.

Tensions along the 900km Pakistan-Iran border come as the Middle East reels from
Israel's war on Gaza. China, which has close ties with both neighbours, urged
restraint. Iranian officials said the strikes targeted only Iranian militants and
that Sistan and Baluchistan province would remain on alert.
""",
        "islamabad pakistan iran tehran balochistan pakistan-iran-border israel china"
        " sistan-and-baluchestan saravan panjgur",
        "pakistan iran jaish-al-adl blf bla israel china",
        "2024-01-18/day 2024-01-16/day",
        ("Gaza",),
    ),
    item(
        "reuters-zawahiri-2022",
        dt.date(2022, 8, 2),
        """
WASHINGTON, Aug 1 (Reuters) - The United States killed al Qaeda leader Ayman
al-Zawahiri in a drone strike in Kabul over the weekend, President Joe Biden said on
Monday, the biggest blow to the militant group since its founder Osama bin Laden was
killed in 2011.

Zawahiri, an Egyptian surgeon who helped plot the Sept. 11, 2001, attacks on the
United States, was on a balcony of a safe house in the Sherpur district when two
Hellfire missiles struck at 6:18 a.m. on Sunday, a senior administration official
said. The house belonged to a top aide of Sirajuddin Haqqani, the official said,
adding that the Taliban had grossly violated the 2020 Doha agreement by hosting him.
""",
        "united-states kabul doha",
        "united-states al-qaeda ayman-al-zawahiri joe-biden osama-bin-laden"
        " sirajuddin-haqqani taliban",
        "2022-08-01/day 2011/year 2001-09-11/day 2022-07-31/day 2020/year",
        ("Sherpur",),
    ),
    item(
        "diplomat-wakhan-2022",
        dt.date(2022, 9, 20),
        """
The Wakhan Corridor, a sliver of Badakhshan province that separates Tajikistan from
Pakistan and touches China at the Wakhjir Pass, has long fascinated strategists.
Chinese officials reportedly surveyed a road from Ishkashim towards the border in
the 2010s, while Beijing funded a base for Tajik forces in Gorno-Badakhshan, across
the Panj river from Afghanistan.

Gorno-Badakhshan Autonomous Region, Tajikistan's restive Pamiri homeland, saw deadly
protests in Khorog in May 2022 - not to be confused with Afghanistan's Badakhshan,
whose capital Fayzabad fell to the Taliban in August 2021. Ethnic Tajiks make up
most of Afghan Badakhshan's population.
""",
        "wakhan-corridor badakhshan tajikistan pakistan china wakhjir-pass ishkashim"
        " beijing afghanistan fayzabad gorno-badakhshan khorog",
        "tajikistan pakistan china afghanistan taliban",
        "2022-05/month 2021-08/month",
        ("Panj river",),
    ),
    item(
        "globaltimes-dasu-2024",
        dt.date(2024, 3, 27),
        """
Five Chinese nationals and their Pakistani driver were killed on Tuesday when a
suicide bomber rammed a vehicle into their convoy near Besham in Khyber
Pakhtunkhwa, as they travelled from Islamabad to the Dasu hydropower project,
Pakistani police said. A Chinese Foreign Ministry spokesperson said China strongly
condemned the attack and urged Pakistan to hunt down the perpetrators.

It was the third major attack on Chinese interests in a week, after assaults on the
Gwadar Port Authority complex and a naval air base in Turbat. Analysts in Beijing
said the attacks aimed to derail the China-Pakistan Economic Corridor (CPEC), whose
flagship route, the Karakoram Highway, crosses into Xinjiang at the Khunjerab Pass.
A 2021 bus bombing at Dasu killed nine Chinese engineers.
""",
        "china pakistan khyber-pakhtunkhwa islamabad gwadar beijing cpec"
        " khunjerab-pass dasu turbat karakoram-highway xinjiang",
        "china pakistan",
        "2024-03-26/day 2021/year",
        ("Besham",),
    ),
    item(
        "hindu-chabahar-2024",
        dt.date(2024, 5, 14),
        """
NEW DELHI: India on Monday signed a 10-year contract with Iran to develop and
operate the Shahid Beheshti terminal at Chabahar port, giving New Delhi a route to
Afghanistan and Central Asia through the Arabian Sea that bypasses Pakistan.
External Affairs Minister S. Jaishankar said the port would be a hub for trade with
landlocked Afghanistan, which India has supplied with wheat via Chabahar since 2020.

The U.S. State Department warned that any entity doing business with Iran risked
sanctions. India has had no embassy in Kabul since the Taliban takeover in August
2021, though it reopened a "technical team" there in 2022. Separately, Indian
troops along the Line of Control in Jammu and Kashmir reported a ceasefire
violation on 7 May, and the Indian Ocean rim states met in Mumbai.
""",
        "india iran new-delhi afghanistan pakistan united-states kabul line-of-control"
        " chabahar",
        "india iran s-jaishankar afghanistan pakistan united-states taliban",
        "2024-05-13/day 2020/year 2021-08/month 2022/year 2024-05-07/day",
        ("Jammu and Kashmir", "Mumbai"),
    ),
    item(
        "rferl-crocus-kerman-2024",
        dt.date(2024, 3, 24),
        """
The Islamic State's Afghan offshoot, known as IS-K, claimed responsibility for the
March 22 attack on Crocus City Hall near Moscow that killed more than 140 people.
Russian investigators detained four suspects, all citizens of Tajikistan, and
President Vladimir Putin claimed without evidence that they had tried to flee
toward Ukraine.

The assault followed twin suicide bombings in Kerman, Iran, on January 3 that
killed nearly 100 people at a memorial for General Qassem Soleimani, which IS-K
also claimed. Tajik officials in Dushanbe said recruiters had targeted migrant
workers in Russia since 2022. In Gorno-Badakhshan, security was tightened.
""",
        "afghanistan crocus-city-hall moscow russia tajikistan iran dushanbe kerman"
        " gorno-badakhshan",
        "islamic-state iskp vladimir-putin tajikistan iran russia",
        "2024-03-22/day 2024-01-03/day 2022/year",
        ("Ukraine",),
    ),
    item(
        "xinhua-urumqi-2014",
        dt.date(2014, 5, 23),
        """
URUMQI, May 23 (Xinhua) -- Chinese authorities vowed to crack down on violent
terrorism after Thursday's attack at a market in Urumqi, the capital of northwest
China's Xinjiang Uygur Autonomous Region, killed 31 people. Police said the
attackers were influenced by the East Turkistan Islamic Movement, which Beijing says
has trained fighters in the tribal areas of Pakistan and Afghanistan.

China Town restaurants in Kashgar closed early. Pakistan's Interior Minister
Chaudhry Nisar Ali Khan told Xinhua that Islamabad would not allow its soil to be
used against China, its "iron brother".
""",
        "china pakistan afghanistan beijing kashgar islamabad urumqi xinjiang",
        "china etim pakistan afghanistan",
        "2014-05-23/day 2014-05-22/day",
    ),
    item(
        "dawn-imran-arrest-2023",
        dt.date(2023, 5, 10),
        """
ISLAMABAD: The Islamabad High Court on Tuesday declared the arrest of former prime
minister Imran Khan legal, hours after Rangers personnel took the Pakistan
Tehreek-e-Insaf (PTI) chief into custody from the court premises. PTI workers
protested in Lahore, Peshawar and Rawalpindi, and set fire to the Corps Commander's
House in Lahore.

In Peshawar, the state broadcaster's building was torched. Separately, Peshawar
Zalmi and Quetta Gladiators postponed a charity match. Khan, who was ousted in
April 2022 through a no-confidence vote, blames the military establishment for his
removal.
""",
        "islamabad lahore peshawar rawalpindi",
        "imran-khan pti",
        "2023-05-09/day 2022-04/month",
    ),
    item(
        "diplomat-fence-2022",
        dt.date(2022, 2, 10),
        """
When the Taliban ruled Kabul in the 1990s, they too refused to accept the Durand
Line. Pakistan began fencing the 2,640-kilometre frontier in 2017, and by mid-2021
it said 90 percent of the fence was complete. Afghan officials, under both the
republic and the Islamic Emirate, have called the fence illegal.

Clashes at the fence erupted in Nangarhar's Goshta district and in Kunar in
December 2021, weeks after the IEA took power. The Pakistani Taliban, who shelter
on the Afghan side, have used the crossings at Angoor Adda and Ghulam Khan. The
Kabul River, which rises near the Unai Pass and flows into the Indus River at
Attock, is another source of friction.
""",
        "kabul durand-line pakistan afghanistan nangarhar kunar angoor-adda"
        " ghulam-khan attock goshtah",
        "taliban pakistan afghanistan ttp",
        "2017/year 2021/year 2021-12/month",
        ("Unai Pass", "Indus River"),
    ),
    item(
        "tribune-jaffar-express-2025",
        dt.date(2025, 3, 13),
        """
QUETTA: Security forces on Wednesday concluded an operation to free passengers of
the Jaffar Express, which was hijacked by Baloch Liberation Army militants in the
Bolan Pass area of Balochistan on Tuesday while travelling from Quetta to Peshawar.
The ISPR said 33 attackers were killed.

The military said the attackers were in contact with handlers in Afghanistan. The
Foreign Office in Islamabad said "Fitna al-Hindustan" terrorists had been used by
India, a charge New Delhi rejected. The BLA's Majeed Brigade has previously
attacked Chinese nationals in Karachi and the port city of Gwadar.
""",
        "quetta balochistan peshawar afghanistan islamabad india new-delhi china"
        " karachi gwadar",
        "bla pakistan-army afghanistan india majeed-brigade pakistan",
        "2025-03-12/day 2025-03-11/day",
        ("Bolan Pass", "Jaffar Express"),
    ),
    item(
        "tribune-bajaur-2023",
        dt.date(2023, 7, 31),
        """
BAJAUR: At least 54 people were killed when a suicide bomber struck a Jamiat
Ulema-e-Islam-Fazl (JUI-F) workers' convention in Khar, the headquarters of Bajaur
district, on Sunday. The Islamic State Khorasan claimed the attack, police said,
adding that the bomber was an Afghan national.

JUI-F chief Maulana Fazlur Rehman, an ally of the federal government, demanded a
judicial inquiry. Bajaur, which borders Afghanistan's Kunar province, has seen
repeated cross-border attacks since the Taliban returned to power in 2021.
""",
        "afghanistan kunar durand-line bajaur khar",
        "jui-f iskp fazlur-rehman afghanistan taliban",
        "2023-07-30/day 2021/year",
    ),
    item(
        "aljazeera-ttp-2024",
        dt.date(2024, 12, 30),
        """
Pakistani fighter jets bombed what Islamabad called TTP hideouts in Paktika's
Barmal district last Tuesday, and the Taliban's defence ministry said 46 people,
mostly women and children, were killed. Afghan forces retaliated on Saturday with
attacks on several points along the Durand Line, which Afghanistan does not
recognise as its border with Pakistan.

Since 2021, when the Taliban returned to power, Pakistan has recorded its deadliest
years in almost a decade, with most attacks in North and South Waziristan, Bannu
and Lakki Marwat in Khyber Pakhtunkhwa. The Pakistani Taliban are separate from,
but allied to, the Afghan Taliban, analysts say.
""",
        "pakistan islamabad paktika durand-line afghanistan khyber-pakhtunkhwa"
        " north-waziristan south-waziristan bannu lakki-marwat",
        "pakistan ttp taliban afghanistan",
        "2024-12-24/day 2024-12-28/day 2021/year",
        ("Barmal",),
    ),
)

#: One-sentence items, each isolating a trap so that a false link cannot hide behind a
#: true one elsewhere in a longer item.
TRAPS = (
    item(
        "trap-kabul-river",
        dt.date(2010, 9, 2),
        "Flooding along the Kabul River near Nowshera displaced thousands of families "
        "in August 2010.",
        "nowshera",
        "",
        "2010-08/month",
    ),
    item(
        "trap-sistan-baluchistan",
        dt.date(2023, 12, 16),
        "Jaish al-Adl fighters killed 11 police officers in Rask, in Iran's Sistan and "
        "Baluchistan province, on 15 December 2023.",
        "iran sistan-and-baluchestan",
        "iran jaish-al-adl",
        "2023-12-15/day",
        ("Rask",),
    ),
    item(
        "trap-baloch-in-iran",
        dt.date(2024, 4, 5),
        "Baloch militants in Iran's Sistan-Baluchestan province attacked a "
        "Revolutionary Guards post near Saravan on Thursday.",
        "iran sistan-and-baluchestan saravan",
        "iran irgc",
        "2024-04-04/day",
    ),
    item(
        "trap-gorno-badakhshan",
        dt.date(2021, 12, 1),
        "Authorities in Khorog, the capital of Gorno-Badakhshan, cut internet access "
        "in November 2021 after protests.",
        "khorog gorno-badakhshan",
        "",
        "2021-11/month",
    ),
    item(
        "trap-ethnic-tajik",
        dt.date(2021, 9, 6),
        "Ahmad Massoud, an ethnic Tajik from the Panjshir Valley, leads the National "
        "Resistance Front, whose Uzbek-majority allies fled north.",
        "panjshir",
        "ahmad-massoud nrf",
        "",
    ),
    item(
        "trap-cricket-teams",
        dt.date(2024, 3, 2),
        "Peshawar Zalmi beat Islamabad United by six wickets in Dubai on Friday.",
        "",
        "",
        "2024-03-01/day",
        ("Dubai",),
    ),
    item(
        "trap-pti-khan",
        dt.date(2019, 1, 3),
        "Khan's Pakistan Tehreek-e-Insaf swept the 2018 election in Khyber "
        "Pakhtunkhwa.",
        "khyber-pakhtunkhwa",
        "pti",
        "2018/year",
    ),
    item(
        "trap-indian-ocean",
        dt.date(2016, 11, 14),
        "Gwadar overlooks the Arabian Sea, a gateway to the Indian Ocean, and the "
        "Indus River feeds Sindh.",
        "gwadar sindh",
        "",
        "",
    ),
    item(
        "trap-herat-security-dialogue",
        dt.date(2023, 11, 20),
        "The Herat Security Dialogue, held in Dushanbe since 2021, brought Afghan "
        "exiles together.",
        "dushanbe afghanistan",
        "",
        "2021/year",
    ),
    item(
        "trap-two-talibans",
        dt.date(2023, 1, 9),
        "Islamabad wants the Afghan Taliban to rein in the Pakistani Taliban.",
        "islamabad",
        "taliban ttp pakistan",
        "",
    ),
    item(
        "trap-nine-eleven",
        dt.date(2021, 8, 30),
        "Since 9/11, the United States has spent more than $2 trillion in Afghanistan.",
        "united-states afghanistan",
        "united-states afghanistan",
        "2001-09-11/day",
    ),
    item(
        "trap-loc-two-armies",
        dt.date(2019, 2, 27),
        "Indian and Pakistani troops exchanged fire across the LoC in the Neelum "
        "Valley on February 26, 2019, a day after Indian jets struck Balakot.",
        "india pakistan line-of-control",
        "india pakistan pakistan-army",
        "2019-02-26/day",
        ("Neelum Valley", "Balakot"),
    ),
    item(
        "trap-1990s-taliban",
        dt.date(2020, 6, 1),
        "In the 1990s, the Taliban sheltered Osama bin Laden in Kandahar.",
        "kandahar",
        "taliban osama-bin-laden",
        "",
    ),
    item(
        "trap-7-october",
        dt.date(2001, 10, 9),
        "On 7 October, the United States began bombing Taliban positions around "
        "Kabul and Kandahar.",
        "united-states kabul kandahar",
        "united-states taliban",
        "2001-10-07/day",
    ),
    item(
        "trap-spin-boldak",
        dt.date(2021, 7, 20),
        "Taliban fighters captured the Spin Boldak crossing opposite Chaman in July "
        "2021.",
        "chaman spin-boldak",
        "taliban",
        "2021-07/month",
    ),
    item(
        "trap-deportees",
        dt.date(2023, 11, 20),
        "Hundreds of Afghans deported from Pakistan arrived in Jalalabad, the capital "
        "of Nangarhar, via Torkham in November 2023.",
        "afghanistan pakistan jalalabad nangarhar torkham",
        "pakistan",
        "2023-11/month",
    ),
    item(
        "trap-high-court",
        dt.date(2023, 9, 6),
        "The Islamabad High Court granted bail to the former foreign minister on "
        "Monday.",
        "islamabad",
        "",
        "2023-09-04/day",
    ),
    item(
        "trap-uyghur",
        dt.date(2022, 6, 15),
        "China has pressed the Taliban to act against Uyghur militants of the "
        "Turkistan Islamic Party in Badakhshan.",
        "china badakhshan",
        "china taliban etim",
        "",
    ),
    item(
        "trap-china-town",
        dt.date(2014, 5, 30),
        "China Town restaurants in Kashgar closed early, and a Pakistani delegation "
        "left for Beijing.",
        "kashgar pakistan beijing",
        "pakistan",
        "",
    ),
)


#: A second batch, written and labelled after the first round of fixes and scored
#: before any change was made for it: the closer estimate of quality on unseen text.
HELD_OUT = (
    item(
        "dawn-nato-trucks-2008",
        dt.date(2008, 11, 11),
        """
PESHAWAR, Nov 11: Militants torched 13 Nato supply trucks at a terminal on the Ring
Road on Monday, the latest in a string of attacks on the Khyber Pass route that
carries about 75 per cent of supplies for US-led forces in Afghanistan. The Torkham
crossing was closed for several hours. President Asif Ali Zardari is due in
Washington later this month.
""",
        "peshawar khyber-pass united-states afghanistan torkham",
        "nato united-states asif-ali-zardari afghanistan",
        "2008-11-11/day 2008-11-10/day 2008-11/month",
        ("Ring Road",),
    ),
    item(
        "tolo-qosh-tepa-2024",
        dt.date(2024, 4, 7),
        """
Mawlawi Abdul Ghani Baradar, the Islamic Emirate's deputy prime minister for
economic affairs, inaugurated the Qosh Tepa canal's second phase in Balkh on
Wednesday. Uzbekistan has raised concerns that the canal will divert water from the
Amu Darya. Meanwhile, Kazakh and Uzbek officials met Taliban delegates in Tashkent
to discuss the Trans-Afghan railway linking Termez to Peshawar via Mazar-e-Sharif
and Kabul.
""",
        "balkh uzbekistan tashkent peshawar mazar-i-sharif kabul afghanistan"
        " kazakhstan",
        "abdul-ghani-baradar taliban uzbekistan kazakhstan",
        "2024-04-03/day",
        ("Qosh Tepa", "Amu Darya", "Termez"),
    ),
    item(
        "aljazeera-balakot-2019",
        dt.date(2019, 2, 27),
        """
New Delhi, India - Indian fighter jets crossed the Line of Control and struck what
India called a Jaish-e-Mohammed training camp near Balakot in Pakistan's Khyber
Pakhtunkhwa province on Tuesday, 12 days after a suicide bombing in Pulwama in
Indian-administered Kashmir killed 40 paramilitary police. Pakistan said its jets
shot down an Indian aircraft the next day and captured its pilot. Prime Minister
Imran Khan offered talks.
""",
        "new-delhi india line-of-control pakistan khyber-pakhtunkhwa",
        "india jaish-e-mohammed pakistan imran-khan",
        "2019-02-26/day",
        ("Balakot", "Pulwama"),
    ),
    item(
        "reuters-kabul-truck-bomb-2017",
        dt.date(2017, 5, 31),
        """
KABUL (Reuters) - A truck bomb exploded in Kabul's diplomatic quarter during the
morning rush hour on Wednesday, killing at least 90 people near the German embassy.
The Afghan intelligence agency, the National Directorate of Security (NDS), blamed
the Haqqani network, acting with help from Pakistan's Inter-Services Intelligence.
Islamabad denied any role. President Ashraf Ghani said the Taliban must choose
peace.
""",
        "kabul afghanistan pakistan islamabad",
        "afghanistan haqqani-network isi pakistan ashraf-ghani taliban",
        "2017-05-31/day",
    ),
    item(
        "diplomat-khunjerab-2023",
        dt.date(2023, 4, 10),
        """
Khunjerab Pass reopened to trade on April 1 after three years of pandemic closure,
restoring the only land route between China and Pakistan. Traders in Sost and
Gilgit welcomed the move, though Chinese customs at Tashkurgan still limit cargo.
Gilgit-Baltistan's status, which India claims as part of Jammu and Kashmir, remains
contested; Beijing says the Karakoram Highway is a CPEC artery.
""",
        "khunjerab-pass china pakistan gilgit gilgit-baltistan india beijing cpec"
        " tashkurgan karakoram-highway",
        "china pakistan india",
        "2023-04-01/day",
        ("Sost",),
    ),
    item(
        "rferl-tajik-border-2015",
        dt.date(2015, 9, 7),
        """
DUSHANBE -- Tajik border guards said on September 4 that they had clashed with drug
smugglers crossing the Panj River from Afghanistan's Badakhshan Province near
Ishkashim. Tajikistan's 1,344-kilometer border with Afghanistan is guarded with help
from Russia's 201st military base. In Khorugh, the capital of the Gorno-Badakhshan
Autonomous Oblast, residents said the situation was calm.
""",
        "dushanbe tajikistan afghanistan badakhshan ishkashim"
        " afghanistan-tajikistan-border russia khorog gorno-badakhshan",
        "tajikistan afghanistan russia",
        "2015-09-04/day",
        ("Panj River",),
    ),
    item(
        "tribune-ghulam-khan-2022",
        dt.date(2022, 10, 17),
        """
MIRAMSHAH: Trade through the Ghulam Khan border crossing in North Waziristan resumed
on Saturday after a week-long suspension over a dispute between Pakistani and Afghan
customs officials. Dozens of trucks laden with fresh fruit crossed into Khost,
officials said. The crossing, reopened in 2019, is the main route between Bannu and
Khost.
""",
        "ghulam-khan pakistan afghanistan khost miran-shah north-waziristan bannu",
        "pakistan taliban",
        "2022-10-15/day 2019/year",
    ),
    item(
        "globaltimes-azizi-2023",
        dt.date(2023, 11, 6),
        """
The Taliban's acting commerce minister Nooruddin Azizi visited Urumqi on Thursday,
seeking Chinese investment in copper mining at Mes Aynak in Logar province and an
extension of the Wakhan road. Beijing has never formally recognised the Islamic
Emirate but kept its embassy in Kabul open after August 2021. Global Times learned
that a consignment of Afghan pine nuts was flown from Kabul to Shanghai on Sunday.
""",
        "china logar wakhan-corridor beijing kabul afghanistan urumqi",
        "taliban",
        "2023-11-02/day 2021-08/month 2023-11-05/day",
        ("Mes Aynak", "Shanghai"),
    ),
    item(
        "hindu-parliament-attack-2001",
        dt.date(2001, 12, 14),
        """
ISLAMABAD, DEC. 14. General Pervez Musharraf today condemned the attack on
Parliament in New Delhi, but rejected India's claim that the Lashkar-e-Taiba and
Jaish-e-Mohammed, both based in Pakistan, were responsible. Indian troops have begun
moving towards the international border and the LoC.
""",
        "islamabad new-delhi india pakistan line-of-control pakistan-india-border",
        "pervez-musharraf india lashkar-e-taiba jaish-e-mohammed pakistan",
        "2001-12-14/day",
    ),
    item(
        "dawn-gwadar-port-2024",
        dt.date(2024, 3, 21),
        """
GWADAR: Militants of the banned Balochistan Liberation Army's Majeed Brigade stormed
the Gwadar Port Authority complex on Wednesday afternoon; all eight attackers were
killed, the ISPR said. Chief Minister Sarfraz Bugti said the Baloch people rejected
violence. The port, leased to China Overseas Port Holding Company in 2013, is the
crown jewel of CPEC, and the new Gwadar International Airport opened in January.
""",
        "gwadar china cpec balochistan",
        "bla majeed-brigade pakistan-army china",
        "2024-03-20/day 2013/year 2024-01/month",
    ),
    item(
        "trt-istanbul-talks-2025",
        dt.date(2025, 10, 24),
        """
President Recep Tayyip Erdogan said Turkey would host talks between Pakistani and
Afghan delegations in Istanbul, after a ceasefire brokered by Qatar in Doha on
October 19. Pakistan's Defence Minister Khawaja Asif warned of "open war" if the
talks failed. Turkish drones made by Baykar are used by both armies.
""",
        "pakistan afghanistan doha istanbul turkey qatar",
        "turkey qatar pakistan khawaja-asif taliban",
        "2025-10-19/day",
    ),
)


ALL = ITEMS + TRAPS + HELD_OUT


@pytest.fixture(scope="module")
def context():
    return build_context(load_features(), load_actors())


def predict(it: Item, context) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """Link one item as an article (paragraphs are passages); return the id sets."""
    passages = []
    for n, block in enumerate(it.text.split("\n\n"), start=1):
        text = " ".join(block.split())
        # a first paragraph of one line without end punctuation is the title
        title = n == 1 and "\n" not in block.strip() and not text.endswith((".", '"'))
        kind = "title" if title else "body"
        passages.append(
            Passage(f"{it.name}#p{n}", it.name, n, text, 0, len(text), kind=kind)
        )
    feats: set[str] = set()
    acts: set[str] = set()
    for passage, mentions in zip(
        passages, link_passages(passages, context, it.published), strict=True
    ):
        for m in mentions:
            assert passage.text[m.start : m.end] == m.matched
            (feats if m.target_type == "feature" else acts).add(m.target)
    dates = {
        (d.value, d.precision)
        for found in extract_article_dates(passages, it.published)
        for d in found
    }
    return feats, acts, dates


def score(context, items=None) -> dict[str, tuple[float, float, list[str]]]:
    """Micro precision and recall per kind, with the errors as readable lines."""
    tally = {k: [0, 0, 0, []] for k in ("features", "actors", "dates")}
    for it in ALL if items is None else items:
        got = dict(
            zip(("features", "actors", "dates"), predict(it, context), strict=True)
        )
        for kind in tally:
            gold = getattr(it, kind)
            hit, pred = got[kind] & gold, got[kind]
            t = tally[kind]
            t[0] += len(hit)
            t[1] += len(pred)
            t[2] += len(gold)
            t[3] += [f"{it.name}: false {x}" for x in sorted(map(str, pred - gold))]
            t[3] += [f"{it.name}: missed {x}" for x in sorted(map(str, gold - pred))]
    return {
        kind: (hit / max(pred, 1), hit / max(gold, 1), errors)
        for kind, (hit, pred, gold, errors) in tally.items()
    }


def check_batch(name, items, kind, floors, capsys):
    """Score one held-out batch for one kind, print the figures, assert the floors."""
    context = build_context(load_features(), load_actors())
    precision, recall, errors = score(context, items)[kind]
    with capsys.disabled():
        print(f"\n{name} {kind}: precision {precision:.3f} recall {recall:.3f}")
        for line in errors:
            print("   ", line)
    assert precision >= floors[kind][0]
    assert recall >= floors[kind][1]


#: Floors asserted after the improvements; the figures printed by the test are the
#: ones to report.
FLOORS = {"features": (0.9, 0.85), "actors": (0.9, 0.85), "dates": (0.9, 0.85)}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_precision_recall_floor(context, kind, capsys):
    precision, recall, errors = score(context)[kind]
    held_p, held_r, _ = score(context, HELD_OUT)[kind]
    with capsys.disabled():
        print(f"\n{kind}: precision {precision:.3f} recall {recall:.3f}", end="")
        print(f" (held-out batch: {held_p:.3f} / {held_r:.3f})")
        for line in errors:
            print("   ", line)
    floor_p, floor_r = FLOORS[kind]
    assert precision >= floor_p
    assert recall >= floor_r


def test_items_are_labelled_with_known_ids():
    features = {f.id for f in load_features()}
    actors = {a.id for a in load_actors()}
    for it in ALL:
        assert it.features <= features, it.name
        assert it.actors <= actors, it.name


def links(text, context):
    passage = Passage("r#p1", "r", 1, text, 0, len(text))
    found = {(m.matched, m.target) for m in link_passages([passage], context)[0]}
    return {target for _, target in found}, found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Indian and Pakistani troops clashed.", {"india", "pakistan-army"}, set()),
        ("Afghan Tajik leaders met in Faizabad.", {"afghanistan"}, {"tajikistan"}),
        (
            "An ethnic Uzbek commander and Tajik-majority districts.",
            set(),
            {"uzbekistan", "tajikistan"},
        ),
        (
            "Trade via the Ghulam Khan border crossing between Pakistan and "
            "Afghanistan resumed.",
            {"ghulam-khan"},
            {"durand-line"},
        ),
        (
            "Iran's Sistan-Baluchestan and Sistan and Baluchistan province.",
            {"iran", "sistan-and-baluchestan"},
            {"balochistan"},
        ),
        (
            "Khorog, the capital of the Gorno-Badakhshan Autonomous Region.",
            {"khorog", "gorno-badakhshan"},
            {"badakhshan"},
        ),
        ("Militants attacked a police station in Bannu.", {"bannu"}, set()),
        ("Traders in D.I. Khan and DI Khan.", {"dera-ismail-khan"}, set()),
        (
            "Operations in Waziristan.",
            {"waziristan"},
            {"north-waziristan", "south-waziristan"},
        ),
        (
            "The Spin Boldak crossing opposite Chaman.",
            {"spin-boldak", "chaman"},
            set(),
        ),
        ("Tehreek-e-Jihad Pakistan claimed it.", {"tjp"}, {"pakistan"}),
        ("Outside Hamid Karzai International Airport.", {"kabul"}, {"hamid-karzai"}),
        (
            "Islamabad United and Quetta Gladiators played.",
            set(),
            {"islamabad", "quetta"},
        ),
    ],
)
def test_general_rules(context, text, present, absent):
    targets, _ = links(text, context)
    assert present <= targets
    assert not absent & targets


def test_baloch_in_iran_is_not_balochistan(context):
    """Baloch live on both sides of the Iran-Pakistan border: in a passage about
    Iran the demonym is not Pakistan's province (articles/link/elsewhere.py)."""
    targets, _ = links("Baloch militants in Iran attacked a police post.", context)
    assert "balochistan" not in targets
    targets, _ = links("Baloch separatists attacked a convoy near Turbat.", context)
    assert "balochistan" in targets


def test_kazakh_officials_link_kazakhstan(context):  # the world layer has it
    targets, _ = links("Kazakh officials met Taliban delegates.", context)
    assert "kazakhstan" in targets


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Attacks in North and South Waziristan.",
            {"north-waziristan", "south-waziristan"},
            {"waziristan"},
        ),
        (
            "Curfews in Khyber and Kurram districts.",
            {"khyber-district", "kurram"},
            set(),
        ),
        (
            "Airstrikes in Paktika and Khost provinces.",
            {"paktika", "khost-province"},
            {"khost"},
        ),
        ("Floods along the Kabul and Swat rivers.", set(), {"kabul", "swat"}),
        (
            "The Khunjerab and Kilik passes.",
            {"khunjerab-pass", "kilik-pass"},
            set(),
        ),
        ("Pakistani and Afghan Taliban fighters.", {"ttp", "taliban"}, set()),
        ("Trade between Pakistan and South Waziristan.", {"pakistan"}, set()),
    ],
)
def test_coordinated_items_share_a_word(context, text, present, absent):
    targets, _ = links(text, context)
    assert present <= targets
    assert not absent & targets


@pytest.mark.parametrize(
    "text",
    [
        "Afghanistan's Uzbek and Tajik communities.",
        "Ethnic Uzbeks and Tajiks live in Balkh.",
        "Turkmen and Uzbek tribes dominate Jawzjan.",
        "Uzbek- and Tajik-majority districts.",
    ],
)
def test_ethnic_word_blocks_every_coordinated_demonym(context, text):
    targets, _ = links(text, context)
    assert not {"uzbekistan", "tajikistan", "turkmenistan"} & targets


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Pakistan's western border was sealed.", {"durand-line", "pakistan"}, set()),
        (
            "Pakistan's eastern border is tense.",
            {"pakistan-india-border"},
            {"durand-line"},
        ),
        (
            "Pakistan's western border with Iran.",
            {"pakistan-iran-border", "iran"},
            {"durand-line"},
        ),
        (
            "Afghanistan's northern border.",
            {
                "afghanistan-tajikistan-border",
                "afghanistan-uzbekistan-border",
                "afghanistan-turkmenistan-border",
            },
            {"durand-line"},
        ),
        ("Pakistan's northern border.", {"pakistan"}, {"durand-line"}),
        ("China's western border.", {"china"}, {"afghanistan-china-border"}),
    ],
)
def test_direction_of_a_countrys_border_names_its_lines(context, text, present, absent):
    targets, _ = links(text, context)
    assert present <= targets
    assert not absent & targets


def test_gazetteer_gaps_are_reported(capsys):
    gaps = sorted({g for it in ALL for g in it.gaps})
    with capsys.disabled():
        print(f"\nplaces the items name that the gazetteer lacks ({len(gaps)}):")
        print("   ", ", ".join(gaps))
    names = {n.casefold() for f in load_features() for n in (f.name, *f.aliases)}
    assert [g for g in gaps if g.casefold() in names] == []
