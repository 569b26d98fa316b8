"""Fourth held-out batch: headlines, list articles, world places, small towns, units.

Written for this test in the styles of outlets not used by the first three batches
(Pajhwok, Khaama-style Wikipedia list articles, Geo News, Arab News, Ariana News, VOA,
The Guardian, Anadolu, Hindustan Times, Long War Journal, Business Recorder, Amu TV,
AFP, UNAMA, Daily Times, Eurasianet, SCMP, KabulNow, AP, Hasht-e Subh, The News,
Samaa, Nikkei Asia, ESPNcricinfo), and labelled by reading before any code was
changed for issue 13. A first paragraph of one line is the headline or title.
Labelling decisions beyond those of `test_unseen_eval` and `test_unseen_eval_batch3`:
- Ids that issue 13 asks for and the gazetteer did not have when the batch was written
  are labelled all the same (their misses count before the work): states and capitals
  beyond the region (``qatar``, ``saudi-arabia``, ``turkey``, ``united-kingdom``,
  ``kazakhstan``, ``ankara``, ``istanbul``, ``london``) and populated places of
  Afghanistan and Pakistan, by the slug of their name (``mardan``, ``hub``, ``sibi``).
  Places too small for a populated-places extract (districts, valleys, roads, rivers)
  are ``gaps``, not scored. Two ids were renamed (not relabelled) once the towns
  layer existed, to the slug of the GeoNames name: ``zindajan`` -> ``zindah-jan``
  ("Zindah Jān"), ``mirpur`` -> ``new-mirpur-city`` ("New Mirpur City").
- A capital that acts ("Islamabad blamed Kabul", "Beijing demanded") links the city
  and the government: ``pakistan`` for Islamabad, ``china`` for Beijing, and for
  Kabul after 15 August 2021 the Taliban (``taliban``).
- "Pakistan-administered Kashmir" is Azad Jammu and Kashmir and Pakistan; "Pakistan
  Army" is the army and the place Pakistan; "Peshawar Corps" is a unit, not the city.
- "Bahrain" in the Swat Valley is a town, never the Gulf state.
- A year in a title governs the day-month entries under it; "next month" is the month.

Scores (24 items, micro-averaged sets per item, as `test_unseen_eval.score`):
- Before any change for issue 13: features P 0.990 R 0.746, actors P 0.970 R 0.970,
  dates P 0.903 R 0.903. (Three people in the registry, Zalmay Khalilzad, Ashraf Ghani
  and Ahmad Massoud, were first left unlabelled from a truncated reading of the
  registry and added before any code change; as first labelled, actors scored
  P 0.925 R 0.969.)
- After issue 13 (towns, world layer, compound parts, capitals and governments by
  date, actor names by rule, title years): features P 0.992 R 0.954, actors P 1.000
  R 1.000, dates P 1.000 R 1.000. Left: places too small for GeoNames' extract
  (Charbagh, Matta, Kabal, Bagan, Argo, Islam Qala) and "Bahrain" in the Swat Valley
  read as the Gulf state.
- Follow-up (a country "at <X> in <another country's district>" is a homonym):
  features P 1.000 R 0.954; what is left is the six places above, a gazetteer gap.
"""

import datetime as dt

import pytest

from tests.articles.test_unseen_eval import check_batch, item

BATCH4 = (
    item(
        "pajhwok-ghazni-2018",
        dt.date(2018, 8, 14),
        """
GHAZNI CITY (Pajhwok): Fighting between Taliban militants and Afghan forces
continued for a fourth day in Ghazni city on Monday, as US aircraft struck insurgent
positions on the outskirts. Reinforcements had arrived from Kabul and Paktia, an
official said.

Residents fleeing to Kabul along the highway said shops in the city's main bazaar had
been burned.
""",
        "ghazni afghanistan united-states kabul paktia",
        "taliban afghanistan united-states",
        "2018-08-13/day",
    ),
    item(
        "wikipedia-list-2017",
        dt.date(2019, 7, 19),
        """
Terrorist incidents in Pakistan in 2017

20 JANUARY – An IED exploded in a vegetable market in Parachinar, Kurram Agency,
killing 25 people. Tehrik-i-Taliban Pakistan claimed responsibility.

13 FEBRUARY – A suicide bomber struck a protest outside the Punjab Assembly on The
Mall in Lahore, killing 13.

16 FEBRUARY – A suicide attack on the shrine of Lal Shahbaz Qalandar in Sehwan,
Sindh, killed more than 80 people. The Islamic State claimed the attack.
""",
        "pakistan parachinar kurram punjab lahore sehwan sindh",
        "pakistan ttp islamic-state",
        "2017/year 2017-01-20/day 2017-02-13/day 2017-02-16/day",
    ),
    item(
        "geo-swat-2022",
        dt.date(2022, 10, 11),
        """
MINGORA: Thousands of people marched in Mingora on Tuesday against the return of
militants to Swat valley, days after a school van was fired upon near Charbagh.
Protesters from Matta and Kabal chanted slogans against terrorism and demanded that
the Khyber Pakhtunkhwa government act.
""",
        "mingora swat charbagh matta kabal khyber-pakhtunkhwa",
        "",
        "2022-10-11/day",
    ),
    item(
        "arabnews-doha-2020",
        dt.date(2020, 2, 29),
        """
DOHA: The United States and the Taliban signed an agreement in Doha on Saturday that
paves the way for the withdrawal of American troops from Afghanistan within 14
months. The deal was signed by US envoy Zalmay Khalilzad and the Taliban's deputy
leader Mullah Abdul Ghani Baradar at a ceremony attended by Pakistan's Foreign
Minister Shah Mahmood Qureshi.

Qatar has hosted the Taliban's political office since 2013.
""",
        "doha united-states afghanistan pakistan qatar",
        "united-states taliban abdul-ghani-baradar pakistan afghanistan qatar"
        " zalmay-khalilzad",
        "2020-02-29/day 2013/year",
    ),
    item(
        "ariana-torkham-2024",
        dt.date(2024, 9, 9),
        """
Islamic Emirate calls on Islamabad to reopen Torkham

The Islamic Emirate has called on Pakistan to reopen the Torkham crossing, which has
been closed since Friday after clashes between border forces. Officials in Nangarhar
said hundreds of trucks carrying fresh fruit were stranded in Jalalabad and at
Jamrud.
""",
        "islamabad torkham pakistan nangarhar jalalabad jamrud",
        "taliban pakistan",
        "2024-09-06/day",
    ),
    item(
        "voa-kurram-2024",
        dt.date(2024, 11, 22),
        """
ISLAMABAD — Gunmen opened fire on a convoy of passenger vehicles in Pakistan's
northwestern Kurram district on Thursday, killing at least 42 people, officials said.
The convoy was traveling from Parachinar to Peshawar under police escort when it came
under attack near Bagan. Kurram has seen clashes between Sunni and Shiite tribes for
decades.
""",
        "islamabad pakistan kurram parachinar peshawar bagan",
        "pakistan",
        "2024-11-21/day",
    ),
    item(
        "guardian-kabul-2021",
        dt.date(2021, 8, 16),
        """
Taliban fighters have taken control of the presidential palace in Kabul after
President Ashraf Ghani fled the country, reportedly to Tajikistan, before flying on to
the United Arab Emirates. Crowds gathered at the airport on Monday as the US and UK
rushed to evacuate their citizens.

In London, the prime minister chaired an emergency meeting.
""",
        "kabul tajikistan uae united-states united-kingdom london",
        "taliban tajikistan uae united-states united-kingdom ashraf-ghani",
        "2021-08-16/day",
    ),
    item(
        "anadolu-istanbul-2023",
        dt.date(2023, 10, 26),
        """
ISTANBUL: Türkiye will host talks between Pakistan and Afghanistan in Istanbul next
month, Foreign Minister Hakan Fidan said on Wednesday. Fidan met Pakistan's caretaker
foreign minister Jalil Abbas Jilani in Ankara, where they discussed trade via Iran and
a railway from Islamabad to Istanbul via Tehran.
""",
        "istanbul turkey pakistan afghanistan ankara iran islamabad tehran",
        "turkey pakistan afghanistan iran",
        "2023-11/month 2023-10-25/day",
    ),
    item(
        "hindustantimes-kashmir-2019",
        dt.date(2019, 8, 6),
        """
NEW DELHI: Pakistan on Monday condemned India's decision to revoke the special status
of Jammu and Kashmir, calling it illegal. Islamabad said it would exercise all
possible options. In Muzaffarabad, the capital of Pakistan-administered Kashmir,
protesters burned effigies of Prime Minister Narendra Modi. Troops were put on alert
along the Line of Control.
""",
        "new-delhi pakistan india islamabad muzaffarabad azad-jammu-and-kashmir"
        " line-of-control",
        "pakistan india narendra-modi",
        "2019-08-05/day",
        ("Jammu and Kashmir",),
    ),
    item(
        "longwarjournal-iskp-2022",
        dt.date(2022, 5, 10),
        """
The Islamic State of Iraq and the Levant – Khorasan Province claimed a rocket attack
on Termez in Uzbekistan and another on Tajikistan from northern Afghanistan in April.
ISKP has also stepped up attacks on Hazara Shia in Mazar-i-Sharif and Kabul. The
General Directorate of Intelligence said it had arrested ISKP cells in Kunduz and
Balkh provinces.
""",
        "uzbekistan tajikistan afghanistan mazar-i-sharif kabul kunduz-province balkh",
        "iskp uzbekistan tajikistan afghanistan gdi",
        "2022-04/month",
        ("Termez",),
    ),
    item(
        "brecorder-gwadar-2023",
        dt.date(2023, 6, 20),
        """
KARACHI: The federal government on Monday approved Rs 12 billion for the New Gwadar
International Airport. Exporters in Karachi and Hub said the coastal highway had cut
the travel time to Gwadar to seven hours. Chinese firms are also building a
desalination plant under CPEC.
""",
        "karachi gwadar hub china cpec",
        "",
        "2023-06-19/day",
    ),
    item(
        "amu-badakhshan-2024",
        dt.date(2024, 7, 2),
        """
Clashes erupted between Taliban forces and poppy farmers in Argo and Darayim districts
of Badakhshan on Sunday, leaving two people dead, local sources told Amu. Residents
said Taliban reinforcements were sent from Faizabad, the provincial capital. The
protests follow a similar confrontation in Jurm in May.
""",
        "badakhshan argo darayim fayzabad jurm",
        "taliban",
        "2024-06-30/day 2024-05/month",
    ),
    item(
        "afp-quetta-2024",
        dt.date(2024, 11, 9),
        """
QUETTA, Pakistan: A suicide bomber killed at least 26 people at the railway station in
Quetta on Saturday, most of them soldiers waiting for a train to Rawalpindi. The
Balochistan Liberation Army claimed the attack. The Jaffar Express runs from Quetta to
Peshawar via Sibi, Jacobabad and Rohri.
""",
        "quetta pakistan rawalpindi peshawar sibi jacobabad rohri",
        "pakistan bla",
        "2024-11-09/day",
    ),
    item(
        "unama-ied-2023",
        dt.date(2023, 7, 10),
        """
Civilian casualties from improvised explosive devices

Between 15 August 2021 and 30 May 2023, UNAMA documented 3,774 civilian casualties,
most of them caused by IED attacks on places of worship, schools and markets. The
deadliest attacks were in Kabul, Kunduz and Kandahar cities, most of them claimed by
ISIL-KP.
""",
        "kabul kunduz kandahar",
        "unama iskp",
        "2021-08-15/day 2023-05-30/day",
    ),
    item(
        "dailytimes-mardan-2017",
        dt.date(2017, 4, 14),
        """
MARDAN: Police arrested eight people on Thursday over the lynching of Mashal Khan, a
journalism student at Abdul Wali Khan University in Mardan. The killing drew
condemnation across Pakistan, and Prime Minister Nawaz Sharif said the state would
not tolerate mob violence. Students in Charsadda, Swabi and Peshawar held vigils.
""",
        "mardan pakistan charsadda swabi peshawar",
        "pakistan nawaz-sharif",
        "2017-04-13/day",
    ),
    item(
        "eurasianet-gbao-2022",
        dt.date(2022, 5, 20),
        """
Tajik security forces have launched what officials call an anti-terrorist operation in
the Rushan district of Gorno-Badakhshan, after protesters blocked the Pamir Highway
between Khorog and Dushanbe on Monday. The region borders Afghanistan's Badakhshan
province across the Panj river.
""",
        "tajikistan gorno-badakhshan khorog dushanbe afghanistan badakhshan",
        "tajikistan afghanistan",
        "2022-05-16/day",
        ("Rushan", "Pamir Highway", "Panj river"),
    ),
    item(
        "scmp-dasu-2021",
        dt.date(2021, 7, 15),
        """
Nine Chinese engineers were among 13 people killed when a bus carrying workers to the
Dasu hydropower project in Pakistan's Upper Kohistan district plunged into a ravine
after an explosion on Wednesday. Beijing demanded that Islamabad punish the
perpetrators. The project lies on the Indus near the Karakoram Highway.
""",
        "china dasu pakistan beijing islamabad karakoram-highway",
        "pakistan china",
        "2021-07-14/day",
        ("Upper Kohistan",),
    ),
    item(
        "kabulnow-herat-2023",
        dt.date(2023, 10, 8),
        """
A 6.3-magnitude earthquake struck Herat province on Saturday, destroying villages in
Zindajan district and killing more than 2,000 people, according to the Taliban's
spokesman Zabihullah Mujahid. The quake was felt in Islam Qala on the border with Iran
and as far as Mashhad.
""",
        "herat-province zindah-jan islam-qala iran afghanistan-iran-border",
        "taliban zabihullah-mujahid iran",
        "2023-10-07/day",
        ("Mashhad",),
    ),
    item(
        "ap-swat-floods-2022",
        dt.date(2022, 9, 1),
        """
Pakistan Army engineers rebuilt a collapsed bridge at Bahrain in the Swat Valley
within 48 hours, the military said Thursday, as floodwaters receded in northern
Pakistan. Commander Peshawar Corps Lt. Gen. Hassan Azhar Hayat visited Kalam, where
hundreds of tourists had been stranded.
""",
        "pakistan swat",
        "pakistan-army pakistan",
        "2022-09-01/day",
        ("Kalam",),
    ),
    item(
        "8am-panjshir-2022",
        dt.date(2022, 9, 15),
        """
The National Resistance Front said its fighters killed 15 Taliban members in
Panjshir's Dara and Khenj districts on Tuesday, a claim the Islamic Emirate's
spokesman denied. Ahmad Massoud, the front's leader, is believed to be living in
Dushanbe. Taliban forces also cut mobile networks in Andarab in neighbouring Baghlan.
""",
        "panjshir dushanbe baghlan",
        "nrf taliban ahmad-massoud",
        "2022-09-13/day",
        ("Dara", "Khenj", "Andarab"),
    ),
    item(
        "thenews-makeen-2025",
        dt.date(2025, 1, 15),
        """
ISLAMABAD: Islamabad on Tuesday blamed Kabul for failing to rein in the
Tehreek-e-Taliban Pakistan, after militants attacked a check post in Makeen, South
Waziristan. The Foreign Office said Pakistan had shared evidence with the Afghan
interim government. Separately, Saudi Arabia and Qatar pledged support for talks.
""",
        "islamabad kabul south-waziristan pakistan afghanistan saudi-arabia qatar",
        "pakistan taliban ttp saudi-arabia qatar",
        "2025-01-14/day",
        ("Makeen",),
    ),
    item(
        "samaa-ajk-2021",
        dt.date(2021, 7, 26),
        """
AJK elections: PTI wins majority

MUZAFFARABAD: Pakistan Tehreek-e-Insaf won 25 of the 45 seats in the Azad Kashmir
Legislative Assembly elections held on Sunday, according to unofficial results. The
PPP came second with 11 seats. Voters in Mirpur, Kotli and Bagh queued from morning.
""",
        "azad-jammu-and-kashmir muzaffarabad new-mirpur-city kotli bagh",
        "pti ppp",
        "2021-07-25/day",
    ),
    item(
        "nikkei-central-asia-2023",
        dt.date(2023, 5, 19),
        """
XI'AN, China: Chinese President Xi Jinping hosted the leaders of Kazakhstan,
Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan at the first China-Central Asia
summit on Friday. The leaders discussed a railway from China to Uzbekistan through
Kyrgyzstan, and a gas pipeline from Turkmenistan.
""",
        "china kazakhstan kyrgyzstan tajikistan turkmenistan uzbekistan",
        "china xi-jinping kazakhstan kyrgyzstan tajikistan turkmenistan uzbekistan",
        "2023-05-19/day",
        ("Xi'an",),
    ),
    item(
        "espncricinfo-psl-2022",
        dt.date(2022, 2, 28),
        """
Lahore Qalandars won their first PSL title, beating Multan Sultans by 42 runs at the
Gaddafi Stadium in Lahore on Sunday. Their opener, who grew up in Mardan, was named
player of the final.
""",
        "lahore mardan",
        "",
        "2022-02-27/day",
    ),
)

#: Floors asserted after the fixes (the figures printed are the ones to report).
FLOORS = {"features": (0.97, 0.95), "actors": (0.97, 0.95), "dates": (0.95, 0.95)}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_batch4_precision_recall(kind, capsys):
    check_batch("batch4", BATCH4, kind, FLOORS, capsys)
